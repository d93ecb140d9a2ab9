package dev.confab.door.fuzz;

/** Hostile requests through the Azure Functions door, as the Functions host calls the trigger. */
class FuzzAzureDoorTests extends DoorFuzzing {

    @Override
    protected Door door() {
        return Doors.azure();
    }
}
