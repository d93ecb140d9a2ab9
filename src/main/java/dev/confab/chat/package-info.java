/** Chat: one turn, whole reply, with history from storage, usage and cost. */
package dev.confab.chat;
