package org.arbiter.review;

/** What keys mean right now. Only NORMAL runs the keymap; the text modes take no review keys at all. */
public enum Mode {
    NORMAL, PICK_CATEGORY, NOTE, SKIP_REASON, HELP,
    /** The written rationale of the whole judgment is being edited: Enter keeps it, Esc leaves it as it was. */
    RATIONALE,
    /** Enter went against decisive evidence: a line for the reason; Enter there submits anyway, Esc goes back. */
    CONFIRM_AGAINST,
    /** The scratch editor of the expert's own test is open: it takes every key; the window runs and closes it. */
    EXPERT_TEST
}
