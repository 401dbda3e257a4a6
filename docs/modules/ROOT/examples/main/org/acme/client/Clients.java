package org.acme.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;

@ApplicationScoped
public class Clients {

    // tag::inject[]
    @Inject
    OssClient oss; // quarkus.oss.*

    @Inject
    ReactiveOssClient reactiveOss; // the same client, Mutiny API

    @Inject
    @OssClientName("archive")
    OssClient archive; // quarkus.oss."archive".*
    // end::inject[]
}
