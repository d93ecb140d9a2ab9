/**
 * The WebSocket door: seed 004's streaming chat, {@code ws://host/ws/chat/{brand_id}}, where the
 * brand is a persona's id or name.
 *
 * <p>The client sends {@code {"type": "chat", "data": {"message": "...", "conversation_id": "optional",
 * "user_id": "optional", "voice": false}}}. The server answers each, in order:
 * <ol>
 * <li>{@code {"type": "typing", "data": {"is_typing": true}}} at once; the complete or error that
 * follows ends it (there is no {@code is_typing: false});</li>
 * <li>{@code {"type": "chunk", "data": {"content": "...", "is_final": false, "conversation_id": "...",
 * "suggested_products": null, "confidence_score": null}}} for every delta, as the provider sends it;</li>
 * <li>{@code {"type": "complete", "data": {"content": "", "is_final": true, "conversation_id": "...",
 * "suggested_products": [], "confidence_score": 1.0}}}.</li>
 * </ol>
 * Without {@code conversation_id} a message starts a new conversation with the brand; with one, it
 * continues it (a conversation of another brand is not found). {@code "voice": true} asks for a short
 * reply that reads well aloud and caps it at 150 tokens. {@code suggested_products} stays empty until
 * the product catalog exists; {@code confidence_score} is 1.0 when the provider ended the reply itself,
 * 0.5 when the reply used the turn's whole token limit (most likely cut off), 0.0 when it is empty.
 *
 * <p>Failures are {@code {"type": "error", "data": {"message": "...", "code": "...", "conversation_id":
 * "... once known"}}} with the codes of the HTTP API ({@code malformed_json}, {@code unknown_type},
 * {@code invalid_message}, {@code conversation_not_found}, {@code provider_error}, ...), and the
 * connection stays open. A new message while a reply streams gets {@code turn_in_progress}. Closes:
 * 4404 after an error {@code brand_not_found} (no such brand, or inactive); 1009 for a message over
 * {@code confab.websocket.max-message-bytes}; 1001 after {@code confab.websocket.idle-timeout} without
 * traffic; 1003 for a binary message; 4500 for a client too slow to take the reply (over 10 s for one
 * message, or 1 MB queued). A page from an origin not in
 * {@code confab.websocket.allowed-origins} gets 403 on the handshake. A client that leaves mid-reply
 * cancels the provider call; the text so far is stored as an incomplete reply.
 */
package dev.confab.door.websocket;
