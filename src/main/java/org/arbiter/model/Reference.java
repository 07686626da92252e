package org.arbiter.model;

/** Optional ground truth that comes with an item; every field may be null. */
public record Reference(String answer, String solution, String tests, String language) {
    public boolean isEmpty() {
        return answer == null && solution == null && tests == null && language == null;
    }
}
