package org.arbiter.evidence.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the code to run out of a response: its fenced blocks in the language, or the whole content. */
public final class CodeBlocks {
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]{0,3}(`{3,}|~{3,})([^\\n`]*)\\n(.*?)^[ \\t]{0,3}\\1[`~]*[ \\t]*$",
            Pattern.DOTALL);

    private CodeBlocks() {
    }

    /**
     * The blocks tagged with the language, joined; else the untagged blocks; else, when the response has no
     * fence at all, the whole content (a code item). Null when there are fences but none in this language.
     */
    public static String extract(String content, CodeLanguage language) {
        List<String> tagged = new ArrayList<>();
        List<String> untagged = new ArrayList<>();
        Matcher m = FENCE.matcher(content);
        boolean anyFence = false;
        while (m.find()) {
            anyFence = true;
            String info = m.group(2).strip();
            if (info.isEmpty()) untagged.add(m.group(3));
            else if (language.fenceTag(info)) tagged.add(m.group(3));
        }
        if (!tagged.isEmpty()) return String.join("\n", tagged);
        if (!untagged.isEmpty()) return String.join("\n", untagged);
        return anyFence ? null : content;
    }
}
