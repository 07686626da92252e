package org.arbiter.review;

/** Everything a key can do in the review, with the words the help overlay shows. */
public enum Action {
    PREFER_LEFT_MUCH("Preference", "left response much better"),
    PREFER_LEFT("Preference", "left response better"),
    PREFER_EQUAL("Preference", "about equal"),
    PREFER_RIGHT("Preference", "right response better"),
    PREFER_RIGHT_MUCH("Preference", "right response much better"),
    RANK_UP("Ranking", "focused response one place better (an unplaced one is placed last)"),
    RANK_DOWN("Ranking", "focused response one place worse"),
    RANK_TIE("Ranking", "tie the focused response with the place above; again unties"),
    SHOW_RESPONSE_1("Ranking", "show response 1 in the focused pane"),
    SHOW_RESPONSE_2("Ranking", "show response 2 in the focused pane"),
    SHOW_RESPONSE_3("Ranking", "show response 3 in the focused pane"),
    SHOW_RESPONSE_4("Ranking", "show response 4 in the focused pane"),
    SHOW_RESPONSE_5("Ranking", "show response 5 in the focused pane"),
    SHOW_RESPONSE_6("Ranking", "show response 6 in the focused pane"),
    SHOW_RESPONSE_7("Ranking", "show response 7 in the focused pane"),
    SHOW_RESPONSE_8("Ranking", "show response 8 in the focused pane"),
    SHOW_RESPONSE_9("Ranking", "show response 9 in the focused pane"),
    NEXT_RESPONSE("Ranking", "show the next response in the focused pane"),
    PREV_RESPONSE("Ranking", "show the previous response in the focused pane"),
    TOGGLE_BOTH_BAD("Flags", "flag: both responses bad (toggles)"),
    TOGGLE_UNSURE("Flags", "flag: unsure (toggles)"),
    TOGGLE_BAD_PROMPT("Flags", "flag: bad prompt (toggles)"),
    SWITCH_SIDE("Steps", "switch focus between left and right response"),
    NEXT_STEP("Steps", "next step in the focused response"),
    PREV_STEP("Steps", "previous step in the focused response"),
    FIRST_STEP("Steps", "first step"),
    LAST_STEP("Steps", "last step"),
    RATE_CORRECT("Steps", "focused step correct (+1); again clears"),
    RATE_NEUTRAL("Steps", "focused step neutral (0); again clears"),
    RATE_INCORRECT("Steps", "focused step incorrect (−1); again clears"),
    FIRST_ERROR("Steps", "first error: focused step −1, every earlier unrated step +1"),
    PICK_CATEGORY("Steps", "error categories of the focused step (keys toggle, Enter closes)"),
    EDIT_NOTE("Steps", "note on the focused step"),
    NEXT_DIMENSION("Rubric", "select the next rubric dimension"),
    PREV_DIMENSION("Rubric", "select the previous rubric dimension"),
    RUBRIC_1("Rubric", "score 1 on the selected dimension for the focused response"),
    RUBRIC_2("Rubric", "score 2 on the selected dimension for the focused response"),
    RUBRIC_3("Rubric", "score 3 on the selected dimension for the focused response"),
    RUBRIC_4("Rubric", "score 4 on the selected dimension for the focused response"),
    RUBRIC_5("Rubric", "score 5 on the selected dimension for the focused response"),
    RUBRIC_6("Rubric", "score 6 (scales that reach it)"),
    RUBRIC_7("Rubric", "score 7 (scales that reach it)"),
    RUBRIC_8("Rubric", "score 8 (scales that reach it)"),
    RUBRIC_9("Rubric", "score 9 (scales that reach it)"),
    RUBRIC_CLEAR("Rubric", "clear the selected dimension's score for the focused response"),
    TOGGLE_RAW("View", "raw / rendered"),
    TOGGLE_DIFF("View", "code diff"),
    TOGGLE_SYNC_SCROLL("View", "synchronized scrolling"),
    WRITE_RATIONALE("Item", "write the rationale: why this judgment (kept with it, audited)"),
    SUBMIT("Item", "submit and go to the next item"),
    UNDO("Item", "undo the last labeling action on this item"),
    REDO("Item", "redo"),
    PREVIOUS_ITEM("Item", "previous item (revising makes a new judgment version)"),
    SKIP("Item", "skip this item with a reason"),
    QUIT("Item", "quit"),
    HELP("Item", "this help"),
    EXPERT_TEST("Evidence", "your own test of a code item: an editor; Ctrl+Enter runs it against both responses, Esc closes");

    private final String group;
    private final String description;

    Action(String group, String description) {
        this.group = group;
        this.description = description;
    }

    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** The shown position (1-based) a SHOW_RESPONSE_n action brings into the focused pane, or 0 for other actions. */
    int responseNumber() {
        return name().startsWith("SHOW_RESPONSE_") ? Integer.parseInt(name().substring(14)) : 0;
    }

    /** The score a RUBRIC_n action sets, or 0 for other actions. */
    int rubricScore() {
        return name().startsWith("RUBRIC_") && !this.equals(RUBRIC_CLEAR) ? Integer.parseInt(name().substring(7)) : 0;
    }
}
