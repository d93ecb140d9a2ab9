/** Providers: Spring AI chat models for OpenAI, Gemini (Google GenAI) and the offline stand-in. */
package dev.confab.provider;
