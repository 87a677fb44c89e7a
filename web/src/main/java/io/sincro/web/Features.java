package io.sincro.web;

import java.util.List;

import io.sincro.web.agent.home.HomePages;
import io.sincro.web.page.Feature;

/** Every feature's pages, one line each: a new feature is a package of its own and a line here. */
final class Features {

    private Features() {
    }

    static List<Feature> all() {
        return List.of(
                new HomePages());
    }
}
