package geniso

// set builds a lookup table from a list of alpha-3 codes.
func set(codes ...string) map[string]bool {
	m := make(map[string]bool, len(codes))
	for _, c := range codes {
		m[c] = true
	}
	return m
}

// unMembers are the 193 member states of the United Nations, by ISO 3166-1
// alpha-3 code, in the order of the ISO short names. The last admission was
// South Sudan (SSD) in 2011.
var unMembers = set(
	"AFG", // Afghanistan
	"ALB", // Albania
	"DZA", // Algeria
	"AND", // Andorra
	"AGO", // Angola
	"ATG", // Antigua and Barbuda
	"ARG", // Argentina
	"ARM", // Armenia
	"AUS", // Australia
	"AUT", // Austria
	"AZE", // Azerbaijan
	"BHS", // Bahamas
	"BHR", // Bahrain
	"BGD", // Bangladesh
	"BRB", // Barbados
	"BLR", // Belarus
	"BEL", // Belgium
	"BLZ", // Belize
	"BEN", // Benin
	"BTN", // Bhutan
	"BOL", // Bolivia
	"BIH", // Bosnia and Herzegovina
	"BWA", // Botswana
	"BRA", // Brazil
	"BRN", // Brunei Darussalam
	"BGR", // Bulgaria
	"BFA", // Burkina Faso
	"BDI", // Burundi
	"CPV", // Cabo Verde
	"KHM", // Cambodia
	"CMR", // Cameroon
	"CAN", // Canada
	"CAF", // Central African Republic
	"TCD", // Chad
	"CHL", // Chile
	"CHN", // China
	"COL", // Colombia
	"COM", // Comoros
	"COG", // Congo
	"COD", // Congo, The Democratic Republic of the
	"CRI", // Costa Rica
	"CIV", // Côte d'Ivoire
	"HRV", // Croatia
	"CUB", // Cuba
	"CYP", // Cyprus
	"CZE", // Czechia
	"DNK", // Denmark
	"DJI", // Djibouti
	"DMA", // Dominica
	"DOM", // Dominican Republic
	"ECU", // Ecuador
	"EGY", // Egypt
	"SLV", // El Salvador
	"GNQ", // Equatorial Guinea
	"ERI", // Eritrea
	"EST", // Estonia
	"SWZ", // Eswatini
	"ETH", // Ethiopia
	"FJI", // Fiji
	"FIN", // Finland
	"FRA", // France
	"GAB", // Gabon
	"GMB", // Gambia
	"GEO", // Georgia
	"DEU", // Germany
	"GHA", // Ghana
	"GRC", // Greece
	"GRD", // Grenada
	"GTM", // Guatemala
	"GIN", // Guinea
	"GNB", // Guinea-Bissau
	"GUY", // Guyana
	"HTI", // Haiti
	"HND", // Honduras
	"HUN", // Hungary
	"ISL", // Iceland
	"IND", // India
	"IDN", // Indonesia
	"IRN", // Iran
	"IRQ", // Iraq
	"IRL", // Ireland
	"ISR", // Israel
	"ITA", // Italy
	"JAM", // Jamaica
	"JPN", // Japan
	"JOR", // Jordan
	"KAZ", // Kazakhstan
	"KEN", // Kenya
	"KIR", // Kiribati
	"PRK", // Korea, Democratic People's Republic of
	"KOR", // Korea, Republic of
	"KWT", // Kuwait
	"KGZ", // Kyrgyzstan
	"LAO", // Lao People's Democratic Republic
	"LVA", // Latvia
	"LBN", // Lebanon
	"LSO", // Lesotho
	"LBR", // Liberia
	"LBY", // Libya
	"LIE", // Liechtenstein
	"LTU", // Lithuania
	"LUX", // Luxembourg
	"MDG", // Madagascar
	"MWI", // Malawi
	"MYS", // Malaysia
	"MDV", // Maldives
	"MLI", // Mali
	"MLT", // Malta
	"MHL", // Marshall Islands
	"MRT", // Mauritania
	"MUS", // Mauritius
	"MEX", // Mexico
	"FSM", // Micronesia, Federated States of
	"MDA", // Moldova, Republic of
	"MCO", // Monaco
	"MNG", // Mongolia
	"MNE", // Montenegro
	"MAR", // Morocco
	"MOZ", // Mozambique
	"MMR", // Myanmar
	"NAM", // Namibia
	"NRU", // Nauru
	"NPL", // Nepal
	"NLD", // Netherlands
	"NZL", // New Zealand
	"NIC", // Nicaragua
	"NER", // Niger
	"NGA", // Nigeria
	"MKD", // North Macedonia
	"NOR", // Norway
	"OMN", // Oman
	"PAK", // Pakistan
	"PLW", // Palau
	"PAN", // Panama
	"PNG", // Papua New Guinea
	"PRY", // Paraguay
	"PER", // Peru
	"PHL", // Philippines
	"POL", // Poland
	"PRT", // Portugal
	"QAT", // Qatar
	"ROU", // Romania
	"RUS", // Russian Federation
	"RWA", // Rwanda
	"KNA", // Saint Kitts and Nevis
	"LCA", // Saint Lucia
	"VCT", // Saint Vincent and the Grenadines
	"WSM", // Samoa
	"SMR", // San Marino
	"STP", // Sao Tome and Principe
	"SAU", // Saudi Arabia
	"SEN", // Senegal
	"SRB", // Serbia
	"SYC", // Seychelles
	"SLE", // Sierra Leone
	"SGP", // Singapore
	"SVK", // Slovakia
	"SVN", // Slovenia
	"SLB", // Solomon Islands
	"SOM", // Somalia
	"ZAF", // South Africa
	"SSD", // South Sudan
	"ESP", // Spain
	"LKA", // Sri Lanka
	"SDN", // Sudan
	"SUR", // Suriname
	"SWE", // Sweden
	"CHE", // Switzerland
	"SYR", // Syrian Arab Republic
	"TJK", // Tajikistan
	"TZA", // Tanzania, United Republic of
	"THA", // Thailand
	"TLS", // Timor-Leste
	"TGO", // Togo
	"TON", // Tonga
	"TTO", // Trinidad and Tobago
	"TUN", // Tunisia
	"TUR", // Türkiye
	"TKM", // Turkmenistan
	"TUV", // Tuvalu
	"UGA", // Uganda
	"UKR", // Ukraine
	"ARE", // United Arab Emirates
	"GBR", // United Kingdom
	"USA", // United States
	"URY", // Uruguay
	"UZB", // Uzbekistan
	"VUT", // Vanuatu
	"VEN", // Venezuela, Bolivarian Republic of
	"VNM", // Viet Nam
	"YEM", // Yemen
	"ZMB", // Zambia
	"ZWE", // Zimbabwe
)

// unObservers are the two non-member observer states of the UN General
// Assembly.
var unObservers = set(
	"VAT", // Holy See
	"PSE", // State of Palestine
)

// partiallyRecognized are ISO entries that govern themselves as states but
// that most UN members do not recognise.
var partiallyRecognized = set(
	"TWN", // Taiwan (Republic of China)
)

// territories maps every non-sovereign ISO entry to the id of the state that
// administers it. The value is empty where there is no such state
// (Antarctica) or where control itself is disputed (Western Sahara).
// Territories whose administration is clear but whose sovereignty another
// state claims keep the administering state; the claim is noted.
var territories = map[string]string{
	"ABW": "state/netherlands",    // Aruba, constituent country of the Kingdom of the Netherlands
	"AIA": "state/united-kingdom", // Anguilla, British Overseas Territory
	"ALA": "state/finland",        // Åland Islands, autonomous region of Finland
	"ASM": "state/united-states",  // American Samoa
	"ATA": "",                     // Antarctica: Antarctic Treaty, no administering state
	"ATF": "state/france",         // French Southern Territories
	"BES": "state/netherlands",    // Bonaire, Sint Eustatius and Saba, special municipalities
	"BLM": "state/france",         // Saint Barthélemy, overseas collectivity
	"BMU": "state/united-kingdom", // Bermuda, British Overseas Territory
	"BVT": "state/norway",         // Bouvet Island, Norwegian dependency
	"CCK": "state/australia",      // Cocos (Keeling) Islands, external territory
	"COK": "state/new-zealand",    // Cook Islands: self-governing, in free association with New Zealand (Realm of New Zealand)
	"CUW": "state/netherlands",    // Curaçao, constituent country of the Kingdom of the Netherlands
	"CXR": "state/australia",      // Christmas Island, external territory
	"CYM": "state/united-kingdom", // Cayman Islands, British Overseas Territory
	"ESH": "",                     // Western Sahara: disputed between Morocco and the Sahrawi Republic
	"FLK": "state/united-kingdom", // Falkland Islands, British Overseas Territory; claimed by Argentina
	"FRO": "state/denmark",        // Faroe Islands, part of the Danish Realm
	"GGY": "state/united-kingdom", // Guernsey, Crown Dependency
	"GIB": "state/united-kingdom", // Gibraltar, British Overseas Territory; claimed by Spain
	"GLP": "state/france",         // Guadeloupe, overseas department
	"GRL": "state/denmark",        // Greenland, part of the Danish Realm
	"GUF": "state/france",         // French Guiana, overseas department
	"GUM": "state/united-states",  // Guam
	"HKG": "state/china",          // Hong Kong, Special Administrative Region
	"HMD": "state/australia",      // Heard Island and McDonald Islands, external territory
	"IMN": "state/united-kingdom", // Isle of Man, Crown Dependency
	"IOT": "state/united-kingdom", // British Indian Ocean Territory; claimed by Mauritius
	"JEY": "state/united-kingdom", // Jersey, Crown Dependency
	"MAC": "state/china",          // Macao, Special Administrative Region
	"MAF": "state/france",         // Saint Martin (French part), overseas collectivity
	"MNP": "state/united-states",  // Northern Mariana Islands, commonwealth
	"MSR": "state/united-kingdom", // Montserrat, British Overseas Territory
	"MTQ": "state/france",         // Martinique, overseas department
	"MYT": "state/france",         // Mayotte, overseas department; claimed by Comoros
	"NCL": "state/france",         // New Caledonia, special collectivity
	"NFK": "state/australia",      // Norfolk Island, external territory
	"NIU": "state/new-zealand",    // Niue: self-governing, in free association with New Zealand (Realm of New Zealand)
	"PCN": "state/united-kingdom", // Pitcairn Islands, British Overseas Territory
	"PRI": "state/united-states",  // Puerto Rico, commonwealth
	"PYF": "state/france",         // French Polynesia, overseas collectivity
	"REU": "state/france",         // Réunion, overseas department
	"SGS": "state/united-kingdom", // South Georgia and the South Sandwich Islands; claimed by Argentina
	"SHN": "state/united-kingdom", // Saint Helena, Ascension and Tristan da Cunha, British Overseas Territory
	"SJM": "state/norway",         // Svalbard and Jan Mayen
	"SPM": "state/france",         // Saint Pierre and Miquelon, overseas collectivity
	"SXM": "state/netherlands",    // Sint Maarten, constituent country of the Kingdom of the Netherlands
	"TCA": "state/united-kingdom", // Turks and Caicos Islands, British Overseas Territory
	"TKL": "state/new-zealand",    // Tokelau, dependent territory of New Zealand
	"UMI": "state/united-states",  // United States Minor Outlying Islands
	"VGB": "state/united-kingdom", // British Virgin Islands, British Overseas Territory
	"VIR": "state/united-states",  // United States Virgin Islands
	"WLF": "state/france",         // Wallis and Futuna, overseas collectivity
}

// override changes what the generator derives from an ISO entry.
type override struct {
	name    string   // canonical name (the form news uses); default common_name, else name
	slug    string   // id slug; default Slug(name)
	aliases []string // extra aliases taken apart from an ISO catalog form
}

// overrides hold the canonical names that differ from the ISO short name
// (or its common_name). The ISO name then becomes an alias unless it is a
// catalog form (see catalogForms). The ids required by the format spec
// (state/russia, state/dr-congo, state/ivory-coast, ...) come from here.
var overrides = map[string]override{
	"BRN": {name: "Brunei"},                                                            // ISO: Brunei Darussalam
	"CIV": {name: "Ivory Coast"},                                                       // ISO: Côte d'Ivoire
	"COD": {name: "Democratic Republic of the Congo", slug: "dr-congo"},                // ISO: Congo, The Democratic Republic of the
	"COG": {name: "Republic of the Congo"},                                             // ISO: Congo
	"CPV": {name: "Cape Verde"},                                                        // ISO: Cabo Verde
	"CZE": {name: "Czech Republic"},                                                    // ISO: Czechia
	"FLK": {name: "Falkland Islands"},                                                  // ISO: Falkland Islands (Malvinas)
	"FSM": {name: "Micronesia"},                                                        // ISO: Micronesia, Federated States of
	"MAC": {name: "Macau"},                                                             // ISO: Macao; "Macau" is the usual English spelling
	"MAF": {name: "Saint Martin"},                                                      // ISO: Saint Martin (French part)
	"PCN": {name: "Pitcairn Islands"},                                                  // ISO: Pitcairn
	"PSE": {name: "Palestine"},                                                         // ISO: Palestine, State of
	"RUS": {name: "Russia"},                                                            // ISO: Russian Federation
	"SXM": {name: "Sint Maarten"},                                                      // ISO: Sint Maarten (Dutch part)
	"TLS": {name: "East Timor"},                                                        // ISO: Timor-Leste
	"TUR": {name: "Turkey"},                                                            // ISO: Türkiye
	"VAT": {name: "Vatican City", aliases: []string{"Holy See", "Vatican City State"}}, // ISO: Holy See (Vatican City State)
	"VGB": {name: "British Virgin Islands"},                                            // ISO: Virgin Islands, British
	"VIR": {name: "U.S. Virgin Islands"},                                               // ISO: Virgin Islands, U.S.
}

// catalogForms are ISO short names written for sorted lists ("Korea,
// Republic of", "Holy See (Vatican City State)") that never occur in running
// text; they are not made into aliases. An official name equal to the catalog
// form (Taiwan, Sint Maarten) is dropped with it.
var catalogForms = map[string]string{
	"BOL": "Bolivia, Plurinational State of",
	"COD": "Congo, The Democratic Republic of the",
	"FLK": "Falkland Islands (Malvinas)",
	"FSM": "Micronesia, Federated States of",
	"IRN": "Iran, Islamic Republic of",
	"KOR": "Korea, Republic of",
	"MAF": "Saint Martin (French part)",
	"MDA": "Moldova, Republic of",
	"PRK": "Korea, Democratic People's Republic of",
	"PSE": "Palestine, State of",
	"SXM": "Sint Maarten (Dutch part)",
	"TWN": "Taiwan, Province of China",
	"TZA": "Tanzania, United Republic of",
	"VAT": "Holy See (Vatican City State)",
	"VEN": "Venezuela, Bolivarian Republic of",
	"VGB": "Virgin Islands, British",
	"VIR": "Virgin Islands, U.S.",
}
