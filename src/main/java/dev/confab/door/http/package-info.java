/** The local HTTP door (Spring MVC on virtual threads). */
package dev.confab.door.http;
