// Plain constants (no decorators): the extraction worker reads them too.

/**
 * Most images and related links one article keeps, the first in page order. A real page has a
 * few dozen; a page with a block of 40,000 related links held the main thread for 10 s while
 * its insert was built, and every reader of `article { relatedLinks }` would get them all.
 */
export const MAX_IMAGES_PER_ARTICLE = 100;
export const MAX_RELATED_LINKS_PER_ARTICLE = 100;
