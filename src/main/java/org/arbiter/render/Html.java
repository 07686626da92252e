package org.arbiter.render;

import java.util.ArrayList;
import java.util.List;

import org.arbiter.base.HtmlText;

/** The two text operations every HTML producer here needs. */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        return HtmlText.escape(s);
    }

    /** Lines split on \n, \r\n or \r; a trailing line break adds no empty line. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, k));
                if (c == '\r' && k + 1 < s.length() && s.charAt(k + 1) == '\n') k++;
                start = k + 1;
            }
        }
        if (start < s.length() || out.isEmpty()) out.add(s.substring(start));
        return out;
    }
}
