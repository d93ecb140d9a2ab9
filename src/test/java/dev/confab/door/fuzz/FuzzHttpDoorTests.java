package dev.confab.door.fuzz;

/** Hostile requests through the local HTTP door: a real server, raw bytes on a socket. */
class FuzzHttpDoorTests extends DoorFuzzing {

    @Override
    protected Door door() {
        return new SocketDoor(FuzzServer.port());
    }
}
