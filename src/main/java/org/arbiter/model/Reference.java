package org.arbiter.model;

/**
 * Optional ground truth that comes with an item; every field may be null.
 *
 * @param tests      test code to run against a code response (HumanEvalPack's {@code test})
 * @param language   the language of the code and its tests ("python", "javascript", "java", "cpp", "go", "rust")
 * @param entryPoint the function the tests call (HumanEvalPack's {@code entry_point})
 * @param testSetup  code that goes before the response's code (HumanEvalPack's Go {@code test_setup}: the
 *                   {@code package} line and the test imports)
 */
public record Reference(String answer, String solution, String tests, String language, String entryPoint,
                        String testSetup) {
    public Reference(String answer, String solution, String tests, String language) {
        this(answer, solution, tests, language, null, null);
    }

    public boolean isEmpty() {
        return answer == null && solution == null && tests == null && language == null && entryPoint == null
                && testSetup == null;
    }

    public boolean hasTests() {
        return tests != null && !tests.isBlank();
    }
}
