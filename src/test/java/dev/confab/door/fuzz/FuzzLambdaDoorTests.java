package dev.confab.door.fuzz;

import dev.confab.door.LambdaEventsTransport.Format;

/**
 * Hostile requests through the Lambda door. Each request travels in one of the event formats the
 * door takes (API Gateway REST v1, HTTP API v2, Function URL), picked by its path, so the tries
 * spread over all three.
 */
class FuzzLambdaDoorTests extends DoorFuzzing {

    private static final Format[] FORMATS = Format.values();

    @Override
    protected Door door() {
        return (method, target, headers, body) -> Doors.lambda(FORMATS[Math.floorMod(target.hashCode(), FORMATS.length)])
                .send(method, target, headers, body);
    }
}
