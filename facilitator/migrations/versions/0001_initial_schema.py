"""initial schema: events, agenda, activities, participants, responses, staff, audit

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-27 02:51:18.445374

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


# The event points at its open and projected activities, which point back at the event. SQLite accepts the
# forward reference inside CREATE TABLE; other databases get the two constraints once activities exists.
EVENT_ACTIVITY_FKS = [
    ("fk_events_current_activity_id_activities", "current_activity_id"),
    ("fk_events_projector_activity_id_activities", "projector_activity_id"),
]


def upgrade():
    inline = op.get_bind().dialect.name == "sqlite"
    event_activity_fks = [
        sa.ForeignKeyConstraint([column], ['activities.id'], name=op.f(name), ondelete='SET NULL')
        for name, column in EVENT_ACTIVITY_FKS
    ] if inline else []
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_sw', sa.String(length=200), nullable=True),
    sa.Column('subtitle', sa.String(length=300), nullable=True),
    sa.Column('join_code', sa.String(length=6), nullable=False),
    sa.Column('projector_token', sa.String(length=64), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('languages', sa.String(length=40), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('current_activity_id', sa.Integer(), nullable=True),
    sa.Column('projector_activity_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    *event_activity_fks,
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('join_code', name=op.f('uq_events_join_code')),
    sa.UniqueConstraint('projector_token', name=op.f('uq_events_projector_token'))
    )
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('email', name=op.f('uq_staff_users_email'))
    )
    op.create_table('agenda_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.String(length=5), nullable=True),
    sa.Column('ends_at', sa.String(length=5), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_sw', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_agenda_sessions_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_sessions'))
    )
    with op.batch_alter_table('agenda_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_sessions_event_id'), ['event_id'], unique=False)

    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=60), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_users.id'], name=op.f('fk_audit_entries_actor_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_audit_entries_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_event_id'), ['event_id'], unique=False)

    op.create_table('participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('group', sa.String(length=20), nullable=True),
    sa.Column('age_band', sa.String(length=10), nullable=True),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_participants_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_participants_token_hash'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_event_id'), ['event_id'], unique=False)

    op.create_table('staff_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('is_owner', sa.Boolean(), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_staff_roles_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['staff_users.id'], name=op.f('fk_staff_roles_user_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_roles')),
    sa.UniqueConstraint('event_id', 'user_id', 'role', name=op.f('uq_staff_roles_event_id_user_id_role'))
    )
    with op.batch_alter_table('staff_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_roles_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_roles_user_id'), ['user_id'], unique=False)

    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_sw', sa.String(length=200), nullable=True),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('prompt_sw', sa.Text(), nullable=True),
    sa.Column('audience', sa.String(length=20), nullable=False),
    sa.Column('moderation', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('results_visible', sa.Boolean(), nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_activities_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['agenda_sessions.id'], name=op.f('fk_activities_session_id_agenda_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activities_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activities_session_id'), ['session_id'], unique=False)
    if not inline:
        for name, column in EVENT_ACTIVITY_FKS:
            op.create_foreign_key(op.f(name), 'events', 'activities', [column], ['id'], ondelete='SET NULL')

    op.create_table('responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('client_key', sa.String(length=64), nullable=False),
    sa.Column('lane', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('shown_text', sa.Text(), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('starred', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('group', sa.String(length=20), nullable=True),
    sa.Column('age_band', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_responses_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_responses_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participants.id'], name=op.f('fk_responses_participant_id_participants'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responses')),
    sa.UniqueConstraint('event_id', 'client_key', name=op.f('uq_responses_event_id_client_key'))
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index('ix_responses_activity_status', ['activity_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_responses_participant_id'), ['participant_id'], unique=False)

    op.create_table('safeguarding_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_safeguarding_flags_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['handled_by_id'], ['staff_users.id'], name=op.f('fk_safeguarding_flags_handled_by_id_staff_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_safeguarding_flags_response_id_responses'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_flags'))
    )
    with op.batch_alter_table('safeguarding_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_flags_event_id'), ['event_id'], unique=False)

    # ### end Alembic commands ###


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        for name, _column in EVENT_ACTIVITY_FKS:
            op.drop_constraint(op.f(name), 'events', type_='foreignkey')
    with op.batch_alter_table('safeguarding_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_flags_event_id'))

    op.drop_table('safeguarding_flags')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_participant_id'))
        batch_op.drop_index('ix_responses_activity_status')

    op.drop_table('responses')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activities_session_id'))
        batch_op.drop_index(batch_op.f('ix_activities_event_id'))

    op.drop_table('activities')
    with op.batch_alter_table('staff_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_roles_user_id'))
        batch_op.drop_index(batch_op.f('ix_staff_roles_event_id'))

    op.drop_table('staff_roles')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_event_id'))

    op.drop_table('participants')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_event_id'))

    op.drop_table('audit_entries')
    with op.batch_alter_table('agenda_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_sessions_event_id'))

    op.drop_table('agenda_sessions')
    op.drop_table('staff_users')
    op.drop_table('events')
    # ### end Alembic commands ###
