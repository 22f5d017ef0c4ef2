package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.text.Normalizer;

/**
 * Full-text search over enterprises and persons: names and addresses segmented into Chinese words
 * (SmartChineseAnalyzer) and into overlapping character pairs (CJK bigrams, so a one-character typo still shares
 * most pairs), names also as full pinyin syllables, as joined pinyin and as pinyin initials (上海华祥 -> shanghai
 * huaxiang, shanghaihuaxiang, shhx); phones as digits; USCC and person id exact. Ranking: an exact USCC or person
 * id first, then an exact name or phone, then word, pinyin and fuzzy matches.
 */
public final class SearchIndex implements AutoCloseable {
    static final String DOC_ID = "doc_id", TYPE = "type", KEY = "key", NAME = "name", NAME_EXACT = "name_exact",
            WORDS = "words", BIGRAMS = "bigrams", PINYIN = "pinyin", PINYIN_JOINED = "pinyin_joined",
            INITIALS = "initials", PHONE = "phone", ADDRESS = "address";

    /** Joined pinyin longer than this gets no fuzzy clause: its automaton costs more than a typo is worth. */
    static final int FUZZY_MAX_LENGTH = 24;

    public record Hit(String type, String key, String name, String address, float score) {}

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final SmartChineseAnalyzer words = new SmartChineseAnalyzer();
    private final CJKAnalyzer bigrams = new CJKAnalyzer();
    private final String where;

    /** On disk in {@code dir}, or in memory when dir is null. */
    public SearchIndex(Path dir) {
        try {
            directory = dir == null ? new ByteBuffersDirectory() : FSDirectory.open(dir);
            where = dir == null ? "memory" : dir.toAbsolutePath().toString();
            Map<String, Analyzer> fields = Map.of(WORDS, words, BIGRAMS, bigrams, PINYIN, new WhitespaceAnalyzer());
            analyzer = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(), fields);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index: " + e.getMessage(), e);
        }
    }

    public String where() { return where; }

    /** Replaces the whole index with these entities. */
    public synchronized int rebuild(Iterable<GraphReads.Searchable> all) {
        try {
            writer.deleteAll();
            int n = 0;
            for (GraphReads.Searchable s : all) {
                writer.addDocument(document(s));
                n++;
            }
            commit();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-indexes changed entities (adds or replaces by type and key). */
    public synchronized void update(Iterable<GraphReads.Searchable> changed, Iterable<String> removedDocIds) {
        try {
            for (GraphReads.Searchable s : changed) writer.updateDocument(new Term(DOC_ID, s.type() + ":" + s.key()), document(s));
            for (String id : removedDocIds) writer.deleteDocuments(new Term(DOC_ID, id));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(GraphReads.Searchable s) {
        Document d = new Document();
        d.add(new StringField(DOC_ID, s.type() + ":" + s.key(), Field.Store.NO));
        d.add(new StringField(TYPE, s.type(), Field.Store.YES));
        d.add(new StringField(KEY, s.key().toUpperCase(Locale.ROOT), Field.Store.NO));
        d.add(new StoredField("key_stored", s.key()));
        String name = s.name() == null ? "" : s.name();
        d.add(new StoredField(NAME, name));
        if (s.address() != null) d.add(new StoredField(ADDRESS, s.address()));
        d.add(new StringField(NAME_EXACT, fold(name), Field.Store.NO));
        String text = name + " " + (s.address() == null ? "" : s.address());
        d.add(new TextField(WORDS, fold(text), Field.Store.NO));
        d.add(new TextField(BIGRAMS, fold(text), Field.Store.NO));
        List<String> syllables = pinyin(name);
        if (!syllables.isEmpty()) {
            // syllables and adjacent pairs (most Chinese words have two characters: 华祥 -> huaxiang)
            StringBuilder py = new StringBuilder(String.join(" ", syllables));
            for (int i = 0; i + 1 < syllables.size(); i++) py.append(' ').append(syllables.get(i)).append(syllables.get(i + 1));
            d.add(new TextField(PINYIN, py.toString(), Field.Store.NO));
            d.add(new StringField(PINYIN_JOINED, String.join("", syllables), Field.Store.NO));
            StringBuilder initials = new StringBuilder();
            for (String syl : syllables) initials.append(initial(syl));
            d.add(new StringField(INITIALS, initials.toString(), Field.Store.NO));
        }
        String digits = s.phone() == null ? "" : s.phone().replaceAll("\\D", "");
        if (digits.length() >= 7) {
            d.add(new StringField(PHONE, digits, Field.Store.NO));
            if (digits.startsWith("0")) d.add(new StringField(PHONE, digits.substring(3), Field.Store.NO));
        }
        return d;
    }

    public List<Hit> search(String q, int limit) {
        String query = fold(q);
        if (query.isEmpty()) return List.of();
        try {
            IndexSearcher s = searchers.acquire();
            try {
                List<Hit> hits = new ArrayList<>();
                for (ScoreDoc sd : s.search(query(query, s.getIndexReader()), limit).scoreDocs) {
                    Document d = s.storedFields().document(sd.doc);
                    hits.add(new Hit(d.get(TYPE), d.get("key_stored"), d.get(NAME), d.get(ADDRESS), sd.score));
                }
                return hits;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The query for folded text. Fuzzy clauses (typos) are added only for a word the index does not hold as it is
     * typed, and fuzzy and prefix clauses only for Latin input: they expand to many terms and cost the most.
     */
    private Query query(String query, IndexReader reader) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Term key = new Term(KEY, query.toUpperCase(Locale.ROOT));
        add(b, new TermQuery(key), 1000);
        add(b, new TermQuery(new Term(NAME_EXACT, query)), 200);
        String digits = query.replaceAll("[\\s-]", "");
        if (digits.matches("\\+?\\d{7,}")) {
            digits = digits.replaceFirst("^(\\+86|0086)", "");
            add(b, new TermQuery(new Term(PHONE, digits)), 200);
        }
        for (String t : terms(words, WORDS, query)) {
            add(b, new TermQuery(new Term(WORDS, t)), 5);
        }
        for (String t : terms(bigrams, BIGRAMS, query)) {
            add(b, new TermQuery(new Term(BIGRAMS, t)), 2);
        }
        // pinyin: the query's own Chinese characters in pinyin (homophones), or the Latin words as typed. A token with
        // digits is an id or a phone, not pinyin. A word the index does not hold gets a fuzzy clause (a typo) and, if
        // it is the last one, a prefix clause (still being typed).
        boolean han = query.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        List<String> syllables = han ? pinyin(query)
                : Arrays.stream(query.split("[\\s,;]+")).filter(t -> t.matches("[a-z]+")).toList();
        if (han) {
            // homophones: adjacent syllable pairs (indexed too), far fewer documents each than single syllables
            for (int i = 0; i + 1 < syllables.size(); i++) {
                add(b, new TermQuery(new Term(PINYIN, syllables.get(i) + syllables.get(i + 1))), 3);
            }
            if (syllables.size() == 1) add(b, new TermQuery(new Term(PINYIN, syllables.getFirst())), 3);
        }
        for (int i = 0; i < syllables.size() && !han; i++) {
            String s = syllables.get(i);
            if (s.isEmpty()) continue;
            Term syllable = new Term(PINYIN, s);
            add(b, new TermQuery(syllable), 3);
            if (reader.docFreq(syllable) > 0) continue; // a known syllable or pair: no need to guess
            if (s.length() >= 4) add(b, new FuzzyQuery(syllable, s.length() >= 6 ? 2 : 1, 1), 1.5f);
            if (s.length() >= 2 && i == syllables.size() - 1) add(b, new PrefixQuery(syllable), 1);
        }
        String joined = String.join("", syllables);
        if (joined.matches("[a-z0-9]+")) {
            Term whole = new Term(PINYIN_JOINED, joined);
            add(b, new TermQuery(whole), 50);
            add(b, new TermQuery(new Term(INITIALS, joined)), 20);
            if (!han) {
                if (joined.length() >= 3) add(b, new PrefixQuery(whole), 10);
                // typed joined (one word): a typo there; spaced syllables have their own fuzzy clauses above
                if (syllables.size() == 1 && joined.length() >= 6 && joined.length() <= FUZZY_MAX_LENGTH
                        && reader.docFreq(whole) == 0) {
                    add(b, new FuzzyQuery(whole, 2, 1), 4);
                }
                if (joined.length() >= 2) add(b, new PrefixQuery(new Term(INITIALS, joined)), 4);
            }
        }
        // a USCC or person id with a typo or two
        if (query.matches("[0-9a-z]{8,20}") && reader.docFreq(key) == 0) add(b, new FuzzyQuery(key, 2, 2), 20);
        return b.build();
    }

    private static void add(BooleanQuery.Builder b, Query q, float boost) {
        b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
    }

    private static List<String> terms(Analyzer a, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** NFKC (full-width to half-width), lower case, trimmed. */
    static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Syllables of the Chinese characters (first reading of each), Latin and digit runs kept as words. */
    static List<String> pinyin(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        for (char c : fold(text).toCharArray()) {
            String[] readings = null;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                try {
                    readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                } catch (Exception e) {
                    readings = null;
                }
            }
            if (readings != null && readings.length > 0) {
                if (!latin.isEmpty()) {
                    out.add(latin.toString());
                    latin.setLength(0);
                }
                out.add(readings[0]);
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                latin.append(c);
            } else if (!latin.isEmpty()) {
                out.add(latin.toString());
                latin.setLength(0);
            }
        }
        if (!latin.isEmpty()) out.add(latin.toString());
        return out;
    }

    private static String initial(String syllable) {
        if (syllable.startsWith("zh") || syllable.startsWith("ch") || syllable.startsWith("sh")) return syllable.substring(0, 1);
        return syllable.substring(0, 1);
    }

    public static Map<String, Object> describe(Hit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", h.type());
        m.put("key", h.key());
        m.put("name", h.name());
        m.put("address", h.address());
        m.put("score", h.score());
        return m;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
