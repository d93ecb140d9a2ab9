package dev.confab.door;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBody the largest request body any door accepts; larger gets 413 */
@ConfigurationProperties("confab.http")
public record DoorSettings(@DefaultValue("10MB") DataSize maxBody) {
}
