package org.arbiter.model.steps;

/** What a step is made of; the renderer draws each kind differently. */
public enum StepKind {
    /** A line of prose, possibly with inline math or a display formula that spans several lines. */
    TEXT,
    /** A list item with its indented continuation lines. */
    LIST_ITEM,
    /** A heading line. */
    HEADING,
    /** A whole Markdown table. */
    TABLE,
    /** A figure block such as Asymptote's [asy]…[/asy] in MATH solutions. */
    FIGURE,
    /** One line of a code block. */
    CODE,
    /** A step given explicitly by the source (PRM800K). */
    EXPLICIT
}
