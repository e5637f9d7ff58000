/** The subset of STIX 2.0 and 2.1 fields that ids-explain reads from ATT&CK bundles. */
export interface StixExternalReference {
  source_name?: string;
  external_id?: string;
  url?: string;
}

export interface StixObject {
  type: string;
  id: string;
  name?: string;
  description?: string;
  modified?: string;
  revoked?: boolean;
  spec_version?: string;
  external_references?: StixExternalReference[];
  kill_chain_phases?: { kill_chain_name: string; phase_name: string }[];
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
  x_mitre_deprecated?: boolean;
  x_mitre_is_subtechnique?: boolean;
  x_mitre_platforms?: string[];
  x_mitre_domains?: string[];
  x_mitre_shortname?: string;
  x_mitre_detection?: string;
  x_mitre_version?: string;
  x_mitre_aliases?: string[];
  x_mitre_analytic_refs?: string[];
  x_mitre_log_source_references?: {
    x_mitre_data_component_ref?: string;
    name?: string;
    channel?: string;
  }[];
  [key: string]: unknown;
}

export interface StixBundle {
  type: 'bundle';
  id?: string;
  spec_version?: string;
  objects: StixObject[];
}
