package org.arbiter.render.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    @Test
    void guessesTheLanguageOfAtLeastNinetyPercentOfTheRealCodeResponses() throws Exception {
        CodeCorpus corpus = CodeCorpus.load();
        int total = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (CodeCorpus.Pair p : corpus.pairs()) {
            String truth = LanguageAliases.resolve(p.language());
            for (String response : List.of(p.a(), p.b())) {
                total++;
                String guess = LanguageGuesser.guess(CodeCorpus.code(response));
                if (guess.equals(truth)) right++;
                else wrong.add(p.id() + " " + truth + "→" + guess);
            }
        }
        double accuracy = (double) right / total;
        System.out.printf("guesser accuracy %d/%d = %.3f; wrong: %s%n", right, total, accuracy, wrong);
        assertThat(total).isEqualTo(196);
        assertThat(accuracy).as("wrong: %s", wrong).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void guessesShortSnippetsOfTheLanguagesTheCorpusLacks() {
        assertThat(LanguageGuesser.guess("#include <stdio.h>\n\nint main(void) {\n    printf(\"hi\\n\");\n"
                + "    return 0;\n}\n")).isEqualTo("c");
        assertThat(LanguageGuesser.guess("interface User {\n  name: string;\n  age: number;\n}\n"
                + "const greet = (u: User): string => `hi ${u.name}`;\n")).isEqualTo("typescript");
        assertThat(LanguageGuesser.guess("SELECT name, COUNT(*) FROM users\nWHERE age > 21\nGROUP BY name;\n"))
                .isEqualTo("sql");
        assertThat(LanguageGuesser.guess("#!/bin/bash\nfor f in *.txt; do\n  echo \"$f\"\ndone\n"))
                .isEqualTo("bash");
        assertThat(LanguageGuesser.guess("module Main where\n\nfact :: Integer -> Integer\nfact 0 = 1\n"
                + "fact n = n * fact (n - 1)\n")).isEqualTo("haskell");
        assertThat(LanguageGuesser.guess("theorem add_comm' (a b : ℕ) : a + b = b + a := by\n  omega\n"))
                .isEqualTo("lean");
        assertThat(LanguageGuesser.guess("The answer is 42, as explained above.")).isEqualTo("text");
    }

    @Test
    void guessesEverydaySnippetsThatAreNotInTheCorpus() {
        String[][] cases = {
          {"python","class Stack:\n    def __init__(self):\n        self.items = []\n\n    def push(self, x):\n        self.items.append(x)\n"},
          {"python","import numpy as np\nx = np.array([1, 2, 3])\nprint(x.mean())\n"},
          {"python","for i in range(10):\n    print(i)\n"},
          {"javascript","const add = (a, b) => a + b;\nconsole.log(add(1, 2));\n"},
          {"javascript","document.getElementById('x').addEventListener('click', () => {\n  alert('hi');\n});\n"},
          {"typescript","function add(a: number, b: number): number {\n  return a + b;\n}\n"},
          {"java","public class Main {\n  public static void main(String[] args) {\n    System.out.println(\"hi\");\n  }\n}\n"},
          {"cpp","#include <iostream>\nint main() {\n  std::cout << \"hi\" << std::endl;\n}\n"},
          {"c","#include <stdlib.h>\nstruct node { int v; struct node *next; };\nint main(void) { struct node *n = malloc(sizeof *n); free(n); return 0; }\n"},
          {"rust","fn main() {\n    let v = vec![1, 2, 3];\n    println!(\"{:?}\", v);\n}\n"},
          {"go","package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n"},
          {"sql","CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"},
          {"sql","select * from orders o join users u on u.id = o.user_id where o.total > 100;\n"},
          {"bash","$ pip install numpy\n$ python -m pytest\n"},
          {"bash","mkdir -p build && cd build\ncmake ..\nmake -j4\n"},
          {"haskell","main :: IO ()\nmain = do\n  line <- getLine\n  putStrLn (reverse line)\n"},
          {"haskell","quicksort [] = []\nquicksort (p:xs) = quicksort [x | x <- xs, x < p] ++ [p] ++ quicksort [x | x <- xs, x >= p]\n"},
          {"lean","example : 2 + 2 = 4 := rfl\n"},
          {"lean","lemma foo (n : Nat) : n + 0 = n := by\n  induction n with\n  | zero => rfl\n  | succ n ih => simp\n"},
          {"text","Sure! Here is the answer: it depends on the input size."},
        };
        for (String[] c : cases) {
            assertThat(LanguageGuesser.guess(c[1])).as(c[1]).isEqualTo(c[0]);
        }
    }
}
