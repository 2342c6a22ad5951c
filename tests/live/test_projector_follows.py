"""The projector never sticks: after "Project" on another activity, Open, Next and "Follow the open activity"
each bring the room's screen back to the activity phones are on."""

from facilitator.events.models import Event
from facilitator.extensions import db
from facilitator.safeguarding import service as safeguarding_service
from facilitator.staff.models import StaffUser
from tests.conftest import received


def ready_for_children(app, event, facilitator):
    with app.app_context():
        here, actor = db.session.get(Event, event.id), db.session.get(StaffUser, facilitator[0].id)
        for item in ("guardian_consent", "dpia"):
            safeguarding_service.confirm_readiness(here, actor, item)
        safeguarding_service.confirm_readiness(here, actor, "safeguarding_lead", "Ms Achieng, by the door")


def agenda_ids(app, event):
    with app.app_context():
        board, wall = db.session.get(Event, event.id).sessions[0].activities
        return board.id, wall.id


def on_screen(projector):
    return received(projector, "projector")[-1]["activity"]["id"]


def project(console, activity_id):
    ack = console.emit("console:project", {"activity_id": activity_id}, callback=True)
    assert ack["ok"], ack


def test_open_after_project_brings_the_projector_back(app, event, facilitator, console, projector):
    ready_for_children(app, event, facilitator)
    board_id, wall_id = agenda_ids(app, event)
    project(console, wall_id)
    assert on_screen(projector) == wall_id
    assert console.emit("console:open_activity", {"activity_id": board_id}, callback=True)["ok"]
    assert on_screen(projector) == board_id
    state = console.emit("console:sync", {}, callback=True)
    assert state["projector_activity_id"] is None and state["current_activity_id"] == board_id


def test_next_after_project_brings_the_projector_back(app, event, console, projector):
    board_id, wall_id = agenda_ids(app, event)
    project(console, board_id)  # pinned by hand on the open board
    assert console.emit("console:next_activity", {}, callback=True)["ok"]
    assert on_screen(projector) == wall_id
    assert projector.emit("projector:sync", {}, callback=True)["activity"]["id"] == wall_id


def test_follow_the_open_activity_in_one_call(app, event, console, projector):
    board_id, wall_id = agenda_ids(app, event)
    project(console, wall_id)
    project(console, None)
    assert on_screen(projector) == board_id
    assert console.emit("console:sync", {}, callback=True)["projector_activity_id"] is None
