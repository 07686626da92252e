package org.arbiter.review;

/**
 * Which response has the focus and which step of each is outlined; -1 on a response without steps. A new
 * one is made for every item, so the focus starts on the first step of the left response.
 */
final class StepFocus {
    private final boolean pair;
    private int leftSteps;
    private int rightSteps;
    private Side side = Side.LEFT;
    private int left;
    private int right;

    StepFocus(boolean pair, int leftSteps, int rightSteps) {
        this.pair = pair;
        this.leftSteps = leftSteps;
        this.rightSteps = rightSteps;
        this.left = leftSteps == 0 ? -1 : 0;
        this.right = rightSteps == 0 ? -1 : 0;
    }

    /** The focused side; always LEFT for a single response. */
    Side side() {
        return pair ? side : Side.LEFT;
    }

    void switchSide() {
        if (pair) side = side.other();
    }

    /** The outlined step of the focused response, -1 when it has none. */
    int step() {
        return side == Side.LEFT ? left : right;
    }

    int step(Side s) {
        return s == Side.LEFT ? left : right;
    }

    int stepCount() {
        return side == Side.LEFT ? leftSteps : rightSteps;
    }

    /** Another response came into the pane on {@code s} (a ranking item): its step count and the step to outline. */
    void replace(Side s, int steps, int step) {
        int outlined = steps == 0 ? -1 : Math.max(0, Math.min(steps - 1, step));
        if (s == Side.LEFT) {
            leftSteps = steps;
            left = outlined;
        } else {
            rightSteps = steps;
            right = outlined;
        }
    }

    /** Outlines step {@code to} of the focused response, clamped to its steps. */
    void moveTo(int to) {
        int n = stepCount();
        if (n == 0) return;
        int clamped = Math.max(0, Math.min(n - 1, to));
        if (side == Side.LEFT) left = clamped;
        else right = clamped;
    }
}
