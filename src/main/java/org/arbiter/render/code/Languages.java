package org.arbiter.render.code;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The lexer tables of the twelve highlighted languages, keyed by canonical id. */
final class Languages {
    private static final Map<String, LanguageSpec> SPECS = build();

    private Languages() {
    }

    static Optional<LanguageSpec> find(String id) {
        return Optional.ofNullable(SPECS.get(id));
    }

    static Set<String> ids() {
        return SPECS.keySet();
    }

    private static Set<String> words(String s) {
        return Set.of(s.trim().split("\\s+"));
    }

    private static Map<String, LanguageSpec> build() {
        Map<String, LanguageSpec> m = new LinkedHashMap<>();
        String cTypes = "int char short long float double void unsigned signed bool size_t ssize_t uint8_t uint16_t"
                + " uint32_t uint64_t int8_t int16_t int32_t int64_t FILE _Bool wchar_t ptrdiff_t";
        String cKw = "auto break case const continue default do else enum extern for goto if inline register"
                + " restrict return sizeof static struct switch typedef union volatile while";
        m.put("c", new B("c", "C").kw(cKw).types(cTypes).lit("NULL true false")
                .builtins("printf scanf malloc free calloc realloc memcpy memset strlen strcmp strcpy fprintf puts")
                .cStyle().quote(LanguageSpec.Quote.CHAR).prefixes("L u U u8").hash().calls().build());
        m.put("cpp", new B("cpp", "C++").kw(cKw + " class namespace template typename using public private"
                        + " protected virtual override final new delete this operator friend try catch throw"
                        + " constexpr consteval constinit noexcept explicit mutable decltype static_cast"
                        + " dynamic_cast const_cast reinterpret_cast static_assert co_await co_return co_yield"
                        + " concept requires")
                .types(cTypes + " string vector map set unordered_map unordered_set pair tuple deque queue"
                        + " stack priority_queue array list optional std auto_ptr unique_ptr shared_ptr")
                .lit("nullptr NULL true false")
                .builtins("cout cin endl cerr printf scanf sort max min abs swap begin end size push_back")
                .cStyle().quote(LanguageSpec.Quote.CHAR).prefixes("L u U u8 R LR uR UR u8R").cppRaw().hash()
                .digitQuote().calls().build());
        m.put("java", new B("java", "Java").kw("abstract assert break case catch class continue default do"
                        + " else enum extends final finally for if implements import instanceof interface native"
                        + " new package private protected public return static strictfp super switch synchronized"
                        + " this throw throws transient try volatile while var record yield sealed permits")
                .types("int long short byte char boolean float double void String Integer Long Double Object"
                        + " List ArrayList Map HashMap Set HashSet")
                .lit("true false null").capTypes().cStyle().quote(LanguageSpec.Quote.CHAR).at().calls()
                .ident("$").build());
        String jsKw = "break case catch class const continue debugger default delete do else export extends"
                + " finally for function if import in instanceof let new return super switch this throw try"
                + " typeof var void while with yield async await of static get set from as";
        m.put("javascript", new B("javascript", "JavaScript").kw(jsKw).lit("true false null undefined NaN Infinity")
                .types("Array Object String Number Boolean Map Set Promise Math JSON Date RegExp Error Symbol BigInt")
                .builtins("console require parseInt parseFloat")
                .cStyle().quote(LanguageSpec.Quote.STRING).backtick(LanguageSpec.Backtick.TEMPLATE)
                .definers("function class").regex().calls().ident("$#").at().build());
        m.put("typescript", new B("typescript", "TypeScript").kw(jsKw + " interface type enum implements"
                        + " namespace declare abstract readonly private public protected keyof infer is satisfies"
                        + " module")
                .types("number string boolean any unknown never void object bigint symbol Array Record"
                        + " Partial Readonly Promise Map Set")
                .lit("true false null undefined NaN Infinity").builtins("console require")
                .capTypes().cStyle().quote(LanguageSpec.Quote.STRING).backtick(LanguageSpec.Backtick.TEMPLATE)
                .definers("function class interface type enum").regex().calls().ident("$#").at().build());
        m.put("rust", new B("rust", "Rust").kw("as async await break const continue crate dyn else enum extern"
                        + " fn for if impl in let loop match mod move mut pub ref return self Self static struct"
                        + " super trait type unsafe use where while macro_rules union")
                .types("i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String Vec"
                        + " Option Result Box HashMap HashSet")
                .lit("true false None Some Ok Err").definers("fn struct enum trait type mod")
                .cStyle().nested().quote(LanguageSpec.Quote.RUST).prefixes("b br r").rustRaw().multiline()
                .brackets().capTypes().calls().build());
        m.put("go", new B("go", "Go").kw("break case chan const continue default defer else fallthrough for func"
                        + " go goto if import interface map package range return select struct switch type var")
                .types("bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune"
                        + " string uint uint8 uint16 uint32 uint64 uintptr any")
                .lit("true false nil iota")
                .builtins("append cap close copy delete len make new panic print println recover")
                .definers("func type").cStyle().quote(LanguageSpec.Quote.CHAR)
                .backtick(LanguageSpec.Backtick.RAW).calls().build());
        m.put("python", new B("python", "Python").kw("and as assert async await break class continue def del elif"
                        + " else except finally for from global if import in is lambda nonlocal not or pass raise"
                        + " return try while with yield match case self")
                .types("int float str bool list dict set tuple bytes object complex frozenset type")
                .lit("True False None NotImplemented Ellipsis")
                .builtins("print len range enumerate zip map filter sorted reversed sum min max abs any all"
                        + " open isinstance super input round ord chr iter next")
                .definers("def class").line("#").quote(LanguageSpec.Quote.STRING).triple()
                .prefixes("r u b f br rb fr rf R U B F Br bR BR Rb rB RB Fr fR FR Rf rF RF").at().calls().build());
        m.put("sql", new B("sql", "SQL").kw("select from where and or not insert into values update set delete"
                        + " create table drop alter add column primary key foreign references index view join inner"
                        + " left right full outer cross on as group by order having limit offset union all"
                        + " distinct case when then else end is in exists between like ilike with recursive"
                        + " returning default constraint unique check asc desc begin commit rollback transaction"
                        + " if replace trigger function returns language declare cascade over partition window")
                .types("int integer bigint smallint serial bigserial text varchar char numeric decimal real double"
                        + " precision boolean bool date time timestamp timestamptz interval json jsonb uuid blob")
                .lit("null true false").builtins("count sum avg min max coalesce now lower upper length cast"
                        + " substring round row_number rank")
                .line("--").block("/*", "*/").quote(LanguageSpec.Quote.STRING).multiline().caseless().calls()
                .build());
        m.put("bash", new B("bash", "Bash").kw("if then else elif fi for while until do done case esac in function"
                        + " return local export readonly declare select time break continue exit shift trap"
                        + " source alias unset set")
                .lit("true false")
                .builtins("echo printf cd pwd read test eval exec cat grep sed awk ls cp mv rm mkdir chmod curl"
                        + " find xargs sort uniq head tail wc tr cut tee sudo")
                .definers("function").line("#").quote(LanguageSpec.Quote.STRING).multiline().shell().build());
        m.put("haskell", new B("haskell", "Haskell").kw("case class data default deriving do else foreign if"
                        + " import in infix infixl infixr instance let module newtype of then type where"
                        + " qualified as hiding forall mdo")
                .types("Int Integer Float Double Bool Char String IO Maybe Either")
                .lit("True False Nothing Just Left Right")
                .builtins("map filter foldr foldl foldl' zip sum product length head tail show read print"
                        + " putStrLn return pure fmap concatMap reverse take drop elem null not")
                .line("--").block("{-", "-}").nested().quote(LanguageSpec.Quote.PRIME).multiline().capTypes()
                .ident("'").build());
        m.put("lean", new B("lean", "Lean").kw("theorem lemma def example abbrev instance structure class"
                        + " inductive where with match fun λ let have show from by at calc do if then else"
                        + " namespace section end open import variable universe axiom noncomputable private"
                        + " protected partial mutual deriving extends set_option attribute macro syntax"
                        + " termination_by decreasing_by sorry Type Prop Sort in for return")
                .types("Nat Int Real Rat Bool List Array String Option Fin ℕ ℤ ℝ ℚ ℂ Set Finset")
                .lit("true false True False none some rfl")
                .builtins("simp rw rwa exact apply intro intros cases rcases obtain induction constructor"
                        + " omega linarith nlinarith ring norm_num decide aesop use refine unfold trivial"
                        + " contradiction exfalso assumption specialize field_simp positivity gcongr ext funext"
                        + " subst simp_all tauto left right exists push_neg by_contra calc")
                .definers("theorem lemma def abbrev instance structure inductive class example")
                .line("--").block("/-", "-/").nested().quote(LanguageSpec.Quote.PRIME).multiline().capTypes()
                .ident("'!?").brackets().build());
        return m;
    }

    /** Mutable table builder; only used while building the static tables above. */
    private static final class B {
        final String id;
        final String label;
        Set<String> kw = Set.of(), types = Set.of(), lit = Set.of(), builtins = Set.of(), definers = Set.of();
        Set<String> prefixes = Set.of();
        List<String> line = List.of();
        String blockOpen, blockClose;
        boolean nested, triple, rustRaw, cppRaw, multiline, hash, at, brackets, capTypes, caseless, regex,
                calls, digitQuote, shell;
        LanguageSpec.Quote quote = LanguageSpec.Quote.STRING;
        LanguageSpec.Backtick backtick = LanguageSpec.Backtick.NONE;
        String ident = "";

        B(String id, String label) {
            this.id = id;
            this.label = label;
        }

        B kw(String s) { kw = words(s); return this; }
        B types(String s) { types = words(s); return this; }
        B lit(String s) { lit = words(s); return this; }
        B builtins(String s) { builtins = words(s); return this; }
        B definers(String s) { definers = words(s); return this; }
        B prefixes(String s) { prefixes = words(s); return this; }
        B line(String... s) { line = List.of(s); return this; }
        B block(String open, String close) { blockOpen = open; blockClose = close; return this; }
        B cStyle() { return line("//").block("/*", "*/"); }
        B nested() { nested = true; return this; }
        B quote(LanguageSpec.Quote q) { quote = q; return this; }
        B triple() { triple = true; return this; }
        B backtick(LanguageSpec.Backtick b) { backtick = b; return this; }
        B rustRaw() { rustRaw = true; return this; }
        B cppRaw() { cppRaw = true; return this; }
        B multiline() { multiline = true; return this; }
        B hash() { hash = true; return this; }
        B at() { at = true; return this; }
        B brackets() { brackets = true; return this; }
        B capTypes() { capTypes = true; return this; }
        B caseless() { caseless = true; return this; }
        B regex() { regex = true; return this; }
        B calls() { calls = true; return this; }
        B digitQuote() { digitQuote = true; return this; }
        B shell() { shell = true; return this; }
        B ident(String s) { ident = s; return this; }

        LanguageSpec build() {
            return new LanguageSpec(id, label, kw, types, lit, builtins, definers, line, blockOpen, blockClose,
                    nested, quote, triple, backtick, prefixes, rustRaw, cppRaw, multiline, hash, at, brackets,
                    capTypes, caseless, regex, calls, ident, digitQuote, shell);
        }
    }
}
