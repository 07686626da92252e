package org.arbiter.model.steps;

/**
 * One unit a rating can hang on.
 *
 * @param index     0-based position in the response; shown to the expert as index + 1
 * @param key       stable identity: a hash of the step's kind and text plus its occurrence number, so the
 *                  same content always yields the same keys and a label survives re-segmentation
 * @param start     offset of the first character in the response content
 * @param end       offset after the last character (exclusive)
 * @param language  for CODE steps, the fence's language (may be empty); null otherwise
 * @param codeLine  for CODE steps, the 1-based line within its code block; 0 otherwise
 * @param block     for CODE steps, the 0-based number of the code block in the response; -1 otherwise
 */
public record Step(int index, String key, StepKind kind, int start, int end, String text,
                   String language, int codeLine, int block) {
    public int number() {
        return index + 1;
    }
}
