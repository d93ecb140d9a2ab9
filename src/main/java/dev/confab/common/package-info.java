/** Small value types every feature uses: ids, paging, the answer to a delete, setting checks. */
package dev.confab.common;
