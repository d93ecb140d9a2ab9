package dev.confab.door.fuzz;

/**
 * Hostile requests through the local HTTP door on the postgres profile: what PostgreSQL refuses and
 * H2 takes (a NUL character in text, say) must be a 4xx too, and leave the stored records alone.
 */
class FuzzPostgresHttpDoorTests extends DoorFuzzing {

    @Override
    protected Door door() {
        return new SocketDoor(FuzzServer.postgresPort());
    }
}
