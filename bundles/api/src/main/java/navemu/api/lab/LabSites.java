package navemu.api.lab;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The lab world's catalog of sites, for the shell's {@code lab} command and the tour scripts. */
@ProviderType
public interface LabSites {

    List<LabSite> sites();
}
