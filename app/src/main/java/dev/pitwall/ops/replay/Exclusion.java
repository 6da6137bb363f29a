package dev.pitwall.ops.replay;

/** A selected execution that the plan leaves out, and why ("succeeded since", "outside retention", ...). */
public record Exclusion(String id, String reason) {
}
