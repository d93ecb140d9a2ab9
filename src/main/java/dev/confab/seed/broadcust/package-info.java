/** Seed 000 (Broadcust Python Chatbot API): prompt routes and system prompts. */
package dev.confab.seed.broadcust;
