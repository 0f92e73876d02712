package io.litgraph.query.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.ConceptMatch;
import io.litgraph.query.repository.ConceptQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * Autocomplete answers reused until a document is stored ({@link StoreVersion}): what users type is
 * highly repetitive (every search starts with the same few letters), and each answer costs several
 * index probes. An answer computed before the latest stored change is never served.
 */
@ApplicationScoped
public class AutocompleteCache {

    private record Key(String q, String type, int limit) {
    }

    private record Answer(long version, List<ConceptMatch> matches) {
    }

    private final ConceptQueries concepts;
    private final StoreVersion versions;
    private final Cache<Key, Answer> answers;

    public AutocompleteCache(ConceptQueries concepts, StoreVersion versions, QueryConfig config) {
        this.concepts = concepts;
        this.versions = versions;
        this.answers = Caffeine.newBuilder().maximumSize(config.cache().autocompleteEntries())
                .expireAfterWrite(config.cache().maxAge()).build();
    }

    public List<ConceptMatch> autocomplete(String q, String type, int limit) {
        long version = versions.current();
        // the queries treat q trimmed and lower-cased, so "IL-6 " and "il-6" are one answer
        Key key = new Key(q == null ? "" : q.trim().toLowerCase(Locale.ROOT), type, limit);
        Answer cached = answers.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return cached.matches();
        }
        List<ConceptMatch> matches = List.copyOf(concepts.autocomplete(q, type, limit));
        answers.put(key, new Answer(version, matches));
        return matches;
    }
}
