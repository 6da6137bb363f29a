package dev.pitwall.archfixture.redis;

import dev.pitwall.archfixture.kube.SomeKubeAdapter;

/** Breaks the rules on purpose: the Redis adapter importing the Kubernetes adapter. */
public class AdapterReachingAcross {

    public String peek() {
        return new SomeKubeAdapter().name();
    }
}
