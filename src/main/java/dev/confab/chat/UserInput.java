package dev.confab.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.problem.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.ai.content.Media;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;

/**
 * What the user sent in one turn: its text and its images. Accepts plain text or seed 003's parts;
 * images come as https URLs or base64 data URLs, never as local files.
 */
record UserInput(String text, JsonNode parts, List<Media> images) {

    static UserInput parse(JsonNode input, int maxChars, int maxImages) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            throw Problem.invalid("input", "input is required: text or an array of parts");
        }
        if (input.isTextual()) {
            if (input.asText().isBlank()) {
                throw Problem.invalid("input", "input must not be empty");
            }
            return new UserInput(checkLength(input.asText(), maxChars), null, List.of());
        }
        if (!input.isArray() || input.isEmpty()) {
            throw Problem.invalid("input", "input must be text or a non-empty array of parts");
        }
        StringBuilder text = new StringBuilder();
        List<Media> images = new ArrayList<>();
        for (JsonNode part : input) {
            String type = part.path("type").asText("");
            switch (type) {
                case "text", "input_text" -> {
                    if (!part.path("text").isTextual()) {
                        throw Problem.invalid("input", "a text part needs a 'text' string");
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
                }
                case "image_url", "input_image" -> images.add(image(imageUrl(part)));
                default -> throw Problem.invalid("input",
                        "unknown part type '" + type + "': use text, input_text, image_url or input_image");
            }
        }
        if (images.size() > maxImages) {
            throw Problem.invalid("input", "at most " + maxImages + " images per message");
        }
        if (text.isEmpty() && images.isEmpty()) {
            throw Problem.invalid("input", "input has no text and no image");
        }
        return new UserInput(checkLength(text.toString(), maxChars), input, images);
    }

    /** Images of a message stored earlier; a stored part that no longer parses is skipped. */
    static List<Media> imagesOf(JsonNode parts) {
        if (parts == null || !parts.isArray()) {
            return List.of();
        }
        List<Media> images = new ArrayList<>();
        for (JsonNode part : parts) {
            String type = part.path("type").asText("");
            if (type.equals("image_url") || type.equals("input_image")) {
                try {
                    images.add(image(imageUrl(part)));
                } catch (Problem skipped) {
                    // validated when it was sent; nothing useful to add to the history
                }
            }
        }
        return images;
    }

    private static String checkLength(String text, int maxChars) {
        if (text.length() > maxChars) {
            throw Problem.invalid("input", "input must be at most " + maxChars + " characters");
        }
        return text;
    }

    private static String imageUrl(JsonNode part) {
        JsonNode url = part.path("image_url");
        if (url.isObject()) {
            url = url.path("url");
        }
        if (!url.isTextual() || url.asText().isBlank()) {
            throw Problem.invalid("input", "an image part needs image_url.url");
        }
        return url.asText();
    }

    static Media image(String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = comma < 0 ? "" : url.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw Problem.invalid("input", "a data URL image must be base64: data:image/png;base64,...");
            }
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(url.substring(comma + 1));
                return new Media(MimeType.valueOf(header.substring(0, header.length() - 7)),
                        new ByteArrayResource(bytes));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("input", "a data URL image is not valid base64 or names no valid type");
            }
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("input", "image URL is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw Problem.invalid("input", "image URLs must be http(s) or data: URLs");
        }
        return new Media(mimeOf(uri.getPath() == null ? "" : uri.getPath().toLowerCase()), uri);
    }

    private static MimeType mimeOf(String path) {
        if (path.endsWith(".png")) {
            return MimeType.valueOf("image/png");
        }
        if (path.endsWith(".gif")) {
            return MimeType.valueOf("image/gif");
        }
        if (path.endsWith(".webp")) {
            return MimeType.valueOf("image/webp");
        }
        return MimeType.valueOf("image/jpeg");
    }
}
