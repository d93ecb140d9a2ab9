/** Personas: system prompts, chat configs, influencers and brands as one concept. */
package dev.confab.persona;
