/** Conversations: threads, their messages, settings overrides and running usage totals. */
package dev.confab.conversation;
