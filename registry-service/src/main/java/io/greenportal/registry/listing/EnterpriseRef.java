package io.greenportal.registry.listing;

/** The enterprise a listing belongs to, with its reference data resolved to names. */
public record EnterpriseRef(String uscc, String name, String regionCode, String regionName, String cityCode,
        String provinceCode, String industryCode, String industryName) {

    public EnterpriseRef withName(String newName) {
        return new EnterpriseRef(uscc, newName, regionCode, regionName, cityCode, provinceCode, industryCode, industryName);
    }
}
