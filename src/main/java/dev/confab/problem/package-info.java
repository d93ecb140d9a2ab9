/** Typed failures shared by every feature and every door. */
package dev.confab.problem;
