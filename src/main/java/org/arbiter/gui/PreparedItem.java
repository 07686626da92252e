package org.arbiter.gui;

import java.util.Map;

import org.arbiter.render.RenderedText;

/**
 * An item drawn ahead of time: every response, the prompt and (for code items) the left/right code diff, as HTML ready
 * to swap into the panes. Showing a prepared item costs one DOM update per pane, which is what keeps the
 * switch to the next pair under a frame.
 *
 * @param diffHtml null when the item has no code to diff
 */
record PreparedItem(String key, Map<String, RenderedText> responses, String promptHtml, String diffHtml) {
}
