package io.auditwarehouse.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** A deterministic shuffle of items, handed out one by one to plants that accept them. */
final class Candidates<T> {

    private final List<T> items;
    private int next;

    Candidates(List<T> items, Random rng) {
        this.items = new ArrayList<>(items);
        Collections.shuffle(this.items, rng);
    }

    /** The next item the test accepts, or null when none is left. */
    T take(Predicate<T> test) {
        while (next < items.size()) {
            T item = items.get(next++);
            if (test.test(item)) return item;
        }
        return null;
    }
}
