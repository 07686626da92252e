package org.arbiter.review;

/** What keys mean right now. Only NORMAL runs the keymap; the text modes take no review keys at all. */
public enum Mode {
    NORMAL, PICK_CATEGORY, NOTE, SKIP_REASON, HELP
}
