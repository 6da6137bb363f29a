package dev.pitwall.archfixture.kube;

/** A stand-in adapter for the fixture. */
public class SomeKubeAdapter {

    public String name() {
        return "kube";
    }
}
