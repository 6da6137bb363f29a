package dev.pitwall.ops.replay;

import java.util.List;

/** A port: the append-only journal of one replay. {@link #append} returns only once the line is on disk. */
public interface ReplayJournal {

    void append(JournalEntry entry);

    /** Every complete entry; a line cut by a crash is ignored (see {@link #problems()}). */
    List<JournalEntry> readAll();

    /** What could not be read back (a cut last line), for the resume message. */
    List<String> problems();
}
