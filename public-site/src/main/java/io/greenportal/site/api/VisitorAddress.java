package io.greenportal.site.api;

/**
 * The visitor's address as the gateway stamped it ({@code X-Client-Address}) with the gateway's seal
 * ({@code X-Client-Address-Seal}), passed on unchanged: the certification service checks the seal and
 * limits objections per visitor. Either may be null (a request that did not come through the gateway).
 */
public record VisitorAddress(String address, String seal) {

    public static final String ADDRESS_HEADER = "X-Client-Address";
    public static final String SEAL_HEADER = "X-Client-Address-Seal";
}
