package dev.pitwall.ops.replay;

import java.util.ArrayList;
import java.util.List;

/** A journal in memory that can "crash" after a given number of appends, like a process killed mid-replay. */
final class MemoryJournal implements ReplayJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private int crashAfter = Integer.MAX_VALUE;

    static final class Crash extends RuntimeException {
        Crash() {
            super("killed");
        }
    }

    void crashAfterAppends(int n) {
        crashAfter = entries.size() + n;
    }

    void noCrash() {
        crashAfter = Integer.MAX_VALUE;
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        if (entries.size() >= crashAfter) {
            throw new Crash();
        }
        entries.add(entry);
    }

    @Override
    public synchronized List<JournalEntry> readAll() {
        return List.copyOf(entries);
    }

    @Override
    public List<String> problems() {
        return List.of();
    }

    synchronized long count(Class<? extends JournalEntry> type) {
        return entries.stream().filter(type::isInstance).count();
    }
}
