package dev.pitwall.ops.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A port: the report as Markdown and JSON text, and as files. */
public interface IncidentReportWriter {

    String markdown(IncidentReport report);

    String json(IncidentReport report);

    /** Writes both into {@code dir} (created when missing); returns the files written, Markdown first. */
    List<Path> write(IncidentReport report, Path dir) throws IOException;
}
