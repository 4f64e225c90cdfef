package relations_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/statecraft/statecraft/relations"
)

// format renders a relation compactly for table tests:
//
//	type modality Subject -> Object @time {k=v}
//	type modality [Party, Party] @time {k=v}
//
// A resolved anaphor shows as Name<anaphor>.
func format(r relations.Relation) string {
	arg := func(a relations.Arg) string {
		if a.Anaphor != nil {
			return a.Name + "<" + a.Anaphor.Text + ">"
		}
		return a.Name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s ", r.Type, r.Modality)
	if len(r.Parties) > 0 {
		var ps []string
		for _, p := range r.Parties {
			ps = append(ps, arg(p))
		}
		sort.Strings(ps)
		fmt.Fprintf(&b, "[%s]", strings.Join(ps, ", "))
	} else {
		fmt.Fprintf(&b, "%s -> %s", arg(*r.Subject), arg(*r.Object))
	}
	if r.Time != "" {
		fmt.Fprintf(&b, " @%s", r.Time)
	}
	if len(r.Attrs) > 0 {
		var kv []string
		for k, v := range r.Attrs {
			kv = append(kv, k+"="+v)
		}
		sort.Strings(kv)
		fmt.Fprintf(&b, " {%s}", strings.Join(kv, ", "))
	}
	return b.String()
}

// formatAll renders relations sorted, duplicates (same rendering) kept once.
func formatAll(rs []relations.Relation) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, r := range rs {
		s := format(r)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// relationCases are sentences in the phrasing of news reports, with the
// relations they express. Names are canonical gazetteer names.
var relationCases = []struct {
	name string
	text string
	want []string
}{
	// Coordination and lists.
	{"list after which includes",
		"The Collective Security Treaty Organization, which includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan, held drills last week.",
		[]string{
			"member-of asserted Armenia -> Collective Security Treaty Organization",
			"member-of asserted Belarus -> Collective Security Treaty Organization",
			"member-of asserted Kazakhstan -> Collective Security Treaty Organization",
			"member-of asserted Kyrgyzstan -> Collective Security Treaty Organization",
			"member-of asserted Russia -> Collective Security Treaty Organization",
			"member-of asserted Tajikistan -> Collective Security Treaty Organization",
		}},
	{"trilateral treaty is one relation",
		"Russia, Abkhazia and South Ossetia may soon enter a trilateral treaty on friendship and cooperation, a top diplomat has said.",
		[]string{"treaty-between possible [Abkhazia, Russia, South Ossetia] {treaty=friendship and cooperation}"}},
	{"comprises list",
		"BRICS comprises Brazil, Russia, India, China and South Africa.",
		[]string{
			"member-of asserted Brazil -> BRICS",
			"member-of asserted China -> BRICS",
			"member-of asserted India -> BRICS",
			"member-of asserted Russia -> BRICS",
			"member-of asserted South Africa -> BRICS",
		}},
	{"coordinated subject with a tail",
		"After the 2008 conflict, Russia and a few other countries recognized Abkhazia and South Ossetia as independent states.",
		[]string{
			"recognized-by asserted Abkhazia -> Russia @2008",
			"recognized-by asserted South Ossetia -> Russia @2008",
		}},
	{"coordinated recognizers",
		"Nicaragua and Venezuela also recognized the independence of Abkhazia.",
		[]string{
			"recognized-by asserted Abkhazia -> Nicaragua",
			"recognized-by asserted Abkhazia -> Venezuela",
		}},
	{"members premodified by the organisation",
		"NATO members Poland and Lithuania called for more troops on the alliance's eastern flank.",
		[]string{
			"member-of asserted Lithuania -> NATO",
			"member-of asserted Poland -> NATO",
		}},

	// Appositions and premodifiers (official-of).
	{"possessive title and apposition",
		"South Ossetia’s ambassador to Abkhazia, Oleg Botsiyev, told popular Russian daily Izvestia that the coalition would be ready soon.",
		[]string{"official-of asserted Oleg Botsiyev -> South Ossetia {role=ambassador}"}},
	{"adjectival state and title",
		"Russian President Vladimir Putin arrived in Beijing on Tuesday.",
		[]string{"official-of asserted Vladimir Putin -> Russia @XXXX-WXX-2 {role=President}"}},
	{"leader",
		"Abkhazian leader Raul Khadzhinba thanked Moscow for its support.",
		[]string{"official-of asserted Raul Khadzhinba -> Abkhazia {role=leader}"}},
	{"adjectives before the owner",
		"In 2008, the pro-Western Georgian President Mikhail Saakashvili attempted to take South Ossetia by military force.",
		[]string{
			"attacked asserted Mikhail Saakashvili -> South Ossetia @2008",
			"official-of asserted Mikhail Saakashvili -> Georgia @2008 {role=President}",
		}},
	{"organisation title",
		"NATO Secretary General Jens Stoltenberg said the alliance would not be intimidated.",
		[]string{"official-of asserted Jens Stoltenberg -> NATO {role=Secretary General}"}},
	{"apposition with of",
		"Sergei Lavrov, the foreign minister of Russia, said the talks had been useful.",
		[]string{"official-of asserted Sergei Lavrov -> Russia {role=foreign minister}"}},
	{"apposition with a possessive owner",
		"Olaf Scholz, Germany's chancellor, flew to Washington.",
		[]string{"official-of asserted Olaf Scholz -> Germany {role=chancellor}"}},
	{"ambassador to a host",
		"Russia's ambassador to Turkey, Andrei Karlov, was shot dead at an art exhibition in Ankara.",
		[]string{"official-of asserted Andrei Karlov -> Russia {role=ambassador}"}},
	{"copula",
		"Emmanuel Macron is the president of France.",
		[]string{"official-of asserted Emmanuel Macron -> France {role=president}"}},
	{"former",
		"Former Georgian President Mikheil Saakashvili was detained in Tbilisi.",
		[]string{"official-of asserted Mikhail Saakashvili -> Georgia {former=true, role=President}"}},
	{"multi-word title",
		"Chinese Foreign Minister Wang Yi will visit Moscow next month.",
		[]string{"official-of asserted Wang Yi -> China @XXXX-XX {role=Foreign Minister}"}},
	{"UN title",
		"UN Secretary-General Antonio Guterres called for a ceasefire.",
		[]string{"official-of asserted António Guterres -> United Nations {role=Secretary-General}"}},
	{"spokesman",
		"Kremlin spokesman Dmitry Peskov told reporters that no decision had been made.",
		[]string{"official-of asserted Dmitry Peskov -> Kremlin {role=spokesman}"}},
	{"vice-president",
		"Abkhazian Vice-President Vitaly Gabniya has confirmed the fact of talks.",
		[]string{"official-of asserted Vitaly Gabniya -> Abkhazia {role=Vice-President}"}},

	// Parentheticals.
	{"observer parenthetical",
		"The Collective Security Treaty Organization includes Russia, Armenia and Belarus (with Serbia and Afghanistan holding an observer status).",
		[]string{
			"member-of asserted Armenia -> Collective Security Treaty Organization",
			"member-of asserted Belarus -> Collective Security Treaty Organization",
			"member-of asserted Russia -> Collective Security Treaty Organization",
			"observer-of asserted Afghanistan -> Collective Security Treaty Organization",
			"observer-of asserted Serbia -> Collective Security Treaty Organization",
		}},
	{"observer status in",
		"Serbia has observer status in the Collective Security Treaty Organization.",
		[]string{"observer-of asserted Serbia -> Collective Security Treaty Organization"}},

	// Voice and nominalisations.
	{"active recognition",
		"Russia recognized Abkhazia and South Ossetia as independent states in August 2008.",
		[]string{
			"recognized-by asserted Abkhazia -> Russia @2008-08",
			"recognized-by asserted South Ossetia -> Russia @2008-08",
		}},
	{"passive recognition",
		"Kosovo was recognised by the United States in February 2008.",
		[]string{"recognized-by asserted Kosovo -> United States @2008-02"}},
	{"nominal recognition",
		"The recognition of Kosovo by Germany in 2008 angered Serbia.",
		[]string{"recognized-by asserted Kosovo -> Germany @2008"}},
	{"possessive recognition",
		"Turkey's recognition of Northern Cyprus remains unique.",
		[]string{"recognized-by asserted Northern Cyprus -> Turkey"}},
	{"treaty between",
		"South Ossetia could join the existing treaty between Abkhazia and Russia.",
		[]string{"treaty-between asserted [Abkhazia, Russia]"}},
	{"signed with",
		"Georgia signed the association agreement with the EU in June 2014.",
		[]string{"treaty-between asserted [European Union, Georgia] @2014-06 {treaty=association agreement}"}},
	{"relative clause subject and coordinated verbs",
		"It was a reply to the policies of Georgia that still pursues NATO entry and had recently signed the association agreement with the EU.",
		[]string{
			"seeks-membership asserted Georgia -> NATO",
			"treaty-between asserted [European Union, Georgia] {treaty=association agreement}",
		}},
	{"coordinated parties sign",
		"Armenia and Azerbaijan signed a peace agreement in Washington in August 2025.",
		[]string{"treaty-between asserted [Armenia, Azerbaijan] @2025-08 {treaty=peace agreement}"}},
	{"treaty of",
		"Russia and China signed a treaty of friendship in 2001.",
		[]string{"treaty-between asserted [China, Russia] @2001 {treaty=friendship}"}},
	{"struck a deal is a treaty, not an attack",
		"Russia and Turkey struck a deal on Syria in October 2019.",
		[]string{"treaty-between asserted [Russia, Turkey] @2019-10"}},
	{"applied to join",
		"Turkey applied to join the European Union in 1987.",
		[]string{"seeks-membership asserted Turkey -> European Union @1987"}},
	{"applied for membership",
		"Bosnia and Herzegovina formally applied for EU membership in February 2016.",
		[]string{"seeks-membership asserted Bosnia and Herzegovina -> European Union @2016-02"}},
	{"bid to join",
		"Moldova's bid to join the European Union gained momentum.",
		[]string{"seeks-membership asserted Moldova -> European Union"}},
	{"pursues membership",
		"Ukraine, which still pursues NATO membership, welcomed the decision.",
		[]string{"seeks-membership asserted Ukraine -> NATO"}},
	{"joined",
		"Finland joined NATO in April 2023, ending decades of military non-alignment.",
		[]string{"member-of asserted Finland -> NATO @2023-04"}},
	{"is a member of",
		"Armenia is a member of the Eurasian Economic Union.",
		[]string{"member-of asserted Armenia -> Eurasian Economic Union"}},
	{"became a member",
		"Montenegro became a member of NATO in 2017.",
		[]string{"member-of asserted Montenegro -> NATO @2017"}},
	{"apposition a member of",
		"Kazakhstan, a member of the Shanghai Cooperation Organisation, hosted the summit.",
		[]string{"member-of asserted Kazakhstan -> Shanghai Cooperation Organisation"}},
	{"accession",
		"Croatia's accession to the European Union in 2013 was celebrated in Zagreb.",
		[]string{"member-of asserted Croatia -> European Union @2013"}},
	{"met in a place",
		"Russian President Vladimir Putin and Abkhazian leader Raul Khadzhinba met in Moscow in late August.",
		[]string{
			"met-with asserted [Raul Khadzhinba, Vladimir Putin] @XXXX-08 {place=Moscow}",
			"official-of asserted Raul Khadzhinba -> Abkhazia @XXXX-08 {role=leader}",
			"official-of asserted Vladimir Putin -> Russia @XXXX-08 {role=President}",
		}},
	{"met with",
		"Chinese President Xi Jinping met with Russian President Vladimir Putin in Moscow.",
		[]string{
			"met-with asserted [Vladimir Putin, Xi Jinping] {place=Moscow}",
			"official-of asserted Vladimir Putin -> Russia {role=President}",
			"official-of asserted Xi Jinping -> China {role=President}",
		}},
	{"held talks with",
		"Sergei Lavrov held talks with Antony Blinken in Geneva.",
		[]string{"met-with asserted [Antony Blinken, Sergei Lavrov] {place=Geneva}"}},
	{"meeting between",
		"A meeting between Vladimir Putin and Donald Trump took place in Helsinki in July 2018.",
		[]string{"met-with asserted [Donald Trump, Vladimir Putin] @2018-07 {place=Helsinki}"}},
	{"allied with",
		"Armenia is allied with Russia through the CSTO.",
		[]string{"allied-with asserted [Armenia, Russia]"}},
	{"close ally of",
		"Belarus, a close ally of Russia, hosted the drills.",
		[]string{"allied-with asserted [Belarus, Russia]"}},
	{"are allies",
		"Japan and the United States are allies.",
		[]string{"allied-with asserted [Japan, United States]"}},
	{"would oppose",
		"Russia, Iran and Syria could form a bloc that would oppose NATO.",
		[]string{
			"opposes possible Iran -> NATO",
			"opposes possible Russia -> NATO",
			"opposes possible Syria -> NATO",
		}},
	{"opposed",
		"Venezuela has long opposed the United States.",
		[]string{"opposes asserted Venezuela -> United States"}},
	{"invaded",
		"Russia invaded Ukraine in February 2022.",
		[]string{"attacked asserted Russia -> Ukraine @2022-02"}},
	{"passive attack",
		"Ukraine was attacked by Russia.",
		[]string{"attacked asserted Russia -> Ukraine"}},
	{"nominal invasion",
		"The Russian invasion of Ukraine began in 2022.",
		[]string{"attacked asserted Russia -> Ukraine @2022"}},
	{"offensive against forces",
		"Azerbaijan launched an offensive against Armenian forces in September 2020.",
		[]string{"attacked asserted Azerbaijan -> Armenia @2020-09"}},

	// Modality and negation.
	{"not recognized without agent",
		"The republics were not officially recognized, but the post-Soviet bloc CIS deployed peacekeeping forces to the region.",
		[]string{}},
	{"passive negated",
		"Abkhazia was not recognized by Georgia.",
		[]string{"recognized-by negated Abkhazia -> Georgia"}},
	{"refused to",
		"Serbia has refused to recognize Kosovo's independence.",
		[]string{"recognized-by negated Kosovo -> Serbia"}},
	{"never",
		"Serbia will never join NATO.",
		[]string{"member-of negated Serbia -> NATO"}},
	{"does not",
		"Georgia does not recognize Abkhazia.",
		[]string{"recognized-by negated Abkhazia -> Georgia"}},
	{"rejected",
		"Moldova rejected a deal with Transnistria.",
		[]string{}},
	{"could join",
		"Ukraine could join the European Union within a decade.",
		[]string{"member-of possible Ukraine -> European Union"}},
	{"will meet",
		"Recep Tayyip Erdogan will meet Vladimir Putin in Sochi next week.",
		[]string{"met-with possible [Recep Tayyip Erdoğan, Vladimir Putin] @XXXX-WXX {place=Sochi}"}},
	{"talks on",
		"Talks on a free trade agreement between the EU and India resumed.",
		[]string{"treaty-between possible [European Union, India] {treaty=free trade agreement}"}},
	{"might",
		"Putin said Russia might recognize Transnistria.",
		[]string{"recognized-by possible Transnistria -> Russia"}},
	{"reported speech stays asserted",
		"Sergei Lavrov told Izvestia that Russia recognized Abkhazia in 2008.",
		[]string{"recognized-by asserted Abkhazia -> Russia @2008"}},
	{"planned",
		"Azerbaijan planned to attack Armenia in 2021, the report said.",
		[]string{"attacked possible Azerbaijan -> Armenia @2021"}},
	{"possible signing",
		"The sides discussed the possible signing of a treaty between Russia and Belarus.",
		[]string{"treaty-between possible [Belarus, Russia]"}},

	// Cross-sentence subjects.
	{"pronoun subject",
		"Russian Foreign Minister Sergei Lavrov arrived in Ankara on Tuesday. He met Turkish President Recep Tayyip Erdogan.",
		[]string{
			"met-with asserted [Recep Tayyip Erdoğan, Sergei Lavrov<He>]",
			"official-of asserted Recep Tayyip Erdoğan -> Turkey {role=President}",
			"official-of asserted Sergei Lavrov -> Russia @XXXX-WXX-2 {role=Foreign Minister}",
		}},
	{"the diplomat",
		"Vassily Nebenzia, Russia's ambassador to the UN, arrived late. The diplomat met António Guterres on Friday.",
		[]string{
			"met-with asserted [António Guterres, Vasily Nebenzya<The diplomat>] @XXXX-WXX-5",
			"official-of asserted Vasily Nebenzya -> Russia {role=ambassador}",
		}},
	{"ambiguous pronoun",
		"Vladimir Putin spoke with Recep Tayyip Erdogan by phone. He met Xi Jinping later.",
		[]string{}},
	{"the official with an owner",
		"Abkhazian Vice-President Vitaly Gabniya confirmed the talks. The Abkhazian official also noted that Georgia had signed an agreement with the EU.",
		[]string{
			"official-of asserted Vitaly Gabniya -> Abkhazia {role=Vice-President}",
			"official-of asserted Vitaly Gabniya<The Abkhazian official> -> Abkhazia {role=official}",
			"treaty-between asserted [European Union, Georgia]",
		}},

	// More news phrasing.
	{"counterpart",
		"Ukrainian President Petro Poroshenko and his Moldovan counterpart Nicolae Timofti met in Kiev on Friday.",
		[]string{
			"met-with asserted [Nicolae Timofti, Petro Poroshenko] @XXXX-WXX-5 {place=Kyiv}",
			"official-of asserted Nicolae Timofti -> Moldova @XXXX-WXX-5 {role=President}",
			"official-of asserted Petro Poroshenko -> Ukraine @XXXX-WXX-5 {role=President}",
		}},
	{"subject across a relative clause",
		"Serbia, which does not recognize Kosovo's independence, has applied to join the European Union.",
		[]string{
			"recognized-by negated Kosovo -> Serbia",
			"seeks-membership asserted Serbia -> European Union",
		}},
	{"including list as subject",
		"More than 100 countries, including the United States and most EU members, have recognized Kosovo.",
		[]string{"recognized-by asserted Kosovo -> United States"}},
	{"airstrikes on targets",
		"Israel launched airstrikes on Hamas targets in Gaza on Tuesday.",
		[]string{"attacked asserted Israel -> Hamas @XXXX-WXX-2"}},
	{"forces attacked positions",
		"Azerbaijani forces attacked Armenian positions in Nagorno-Karabakh overnight, the Armenian Defense Ministry said.",
		[]string{"attacked asserted Azerbaijan -> Armenia"}},
	{"joined in a year",
		"Lithuania, Latvia and Estonia joined NATO in 2004.",
		[]string{
			"member-of asserted Estonia -> NATO @2004",
			"member-of asserted Latvia -> NATO @2004",
			"member-of asserted Lithuania -> NATO @2004",
		}},
	{"signed a treaty establishing",
		"Kazakhstan, Belarus and Russia signed a treaty establishing the Eurasian Economic Union in Astana in May 2014.",
		[]string{"treaty-between asserted [Belarus, Kazakhstan, Russia] @2014-05"}},
	{"close allies",
		"The United States and South Korea are close allies.",
		[]string{"allied-with asserted [South Korea, United States]"}},
	{"possessive title",
		"Japan's Prime Minister Shinzo Abe will visit Moscow next month.",
		[]string{"official-of asserted Shinzo Abe -> Japan @XXXX-XX {role=Prime Minister}"}},
	{"nominal bid of a possessor",
		"The two leaders discussed Turkey's bid to join the EU.",
		[]string{"seeks-membership asserted Turkey -> European Union"}},

	{"agreement on",
		"Russia and Belarus have signed an agreement on a joint air defense system, Russian Defense Minister Sergei Shoigu said on Tuesday.",
		[]string{
			"official-of asserted Sergei Shoigu -> Russia @XXXX-WXX-2 {role=Defense Minister}",
			"treaty-between asserted [Belarus, Russia] {treaty=joint air defense system}",
		}},
	{"gerund object of a negated verb",
		"The Kremlin has repeatedly said it will never accept Ukraine joining NATO.",
		[]string{"member-of negated Ukraine -> NATO"}},
	{"blocked membership is not membership",
		"Hungary has blocked Sweden's NATO membership for months.",
		[]string{"member-of possible Sweden -> NATO"}},
	{"suspended membership",
		"Uzbekistan suspended its membership in the CSTO in 2012.",
		[]string{"member-of negated Uzbekistan -> Collective Security Treaty Organization @2012"}},
	{"whose members include",
		"The Shanghai Cooperation Organisation, whose members include China, Russia, India and Pakistan, held its summit in Astana.",
		[]string{
			"member-of asserted China -> Shanghai Cooperation Organisation",
			"member-of asserted India -> Shanghai Cooperation Organisation",
			"member-of asserted Pakistan -> Shanghai Cooperation Organisation",
			"member-of asserted Russia -> Shanghai Cooperation Organisation",
		}},
	{"shot down",
		"Turkey shot down a Russian warplane near the Syrian border in November 2015.",
		[]string{"attacked asserted Turkey -> Russia @2015-11"}},
	{"invaded part of a state",
		"Turkish troops invaded northern Cyprus in 1974.",
		[]string{"attacked asserted Turkey -> Cyprus @1974"}},
	{"an ally of",
		"Iran is an ally of Syria and has backed President Bashar al-Assad throughout the civil war.",
		[]string{"allied-with asserted [Iran, Syria]"}},
	{"recognized only by a list",
		"Abkhazia is recognized only by Russia, Nicaragua, Venezuela, Nauru and Syria.",
		[]string{
			"recognized-by asserted Abkhazia -> Nauru",
			"recognized-by asserted Abkhazia -> Nicaragua",
			"recognized-by asserted Abkhazia -> Russia",
			"recognized-by asserted Abkhazia -> Syria",
			"recognized-by asserted Abkhazia -> Venezuela",
		}},

	{"secretary of state and a counterpart",
		"U.S. Secretary of State Antony Blinken met his Chinese counterpart Wang Yi in Beijing.",
		[]string{
			"met-with asserted [Antony Blinken, Wang Yi] {place=Beijing}",
			"official-of asserted Antony Blinken -> United States {role=Secretary of State}",
			"official-of asserted Wang Yi -> China {role=counterpart}",
		}},
	{"former with a possessive owner",
		"Ukraine's former president Viktor Yanukovych fled to Russia in February 2014.",
		[]string{"official-of asserted Viktor Yanukovych -> Ukraine @2014-02 {former=true, role=president}"}},
	{"apposition with a possessive owner and a compound title",
		"Viktor Orban, Hungary's prime minister, has refused to send weapons to Ukraine.",
		[]string{"official-of asserted Viktor Orban -> Hungary {role=prime minister}"}},
	{"foreign policy chief",
		"EU foreign policy chief Josep Borrell said the bloc would not recognize the election.",
		[]string{"official-of asserted Josep Borrell -> European Union {role=foreign policy chief}"}},
	{"founding member",
		"Kazakhstan is a founding member of the CSTO.",
		[]string{"member-of asserted Kazakhstan -> Collective Security Treaty Organization"}},
	{"refused to sign",
		"Russia refused to sign the agreement with Ukraine.",
		[]string{"treaty-between negated [Russia, Ukraine]"}},
	{"passive with a possessive subject",
		"Abkhazia's independence was recognized by Russia on August 26, 2008.",
		[]string{"recognized-by asserted Abkhazia -> Russia @2008-08-26"}},
	{"have not signed",
		"Armenia and Azerbaijan have not signed a peace treaty.",
		[]string{"treaty-between negated [Armenia, Azerbaijan] {treaty=peace treaty}"}},
	{"expected to meet",
		"Putin is expected to meet Trump in Alaska on Friday.",
		[]string{"met-with possible [Donald Trump, Vladimir Putin] @XXXX-WXX-5 {place=Alaska}"}},
	{"no plans to admit",
		"NATO has no plans to admit Ukraine.",
		[]string{"member-of negated Ukraine -> NATO"}},
	{"apposition between commas as subject",
		"The head of the breakaway republic, Aslan Bzhania, met Putin in Sochi.",
		[]string{"met-with asserted [Aslan Bzhania, Vladimir Putin] {place=Sochi}"}},
	{"city of",
		"Russian forces bombed the Ukrainian city of Mariupol.",
		[]string{"attacked asserted Russia -> Mariupol"}},
	{"a war is not an attack",
		"Georgia fought a brief war with Russia in 2008.",
		[]string{}},

	{"future title",
		"The talks were chaired by the future prime minister of independent Ghana, Kwame Nkrumah.",
		[]string{"official-of possible Kwame Nkrumah -> Ghana {role=prime minister}"}},
	{"apposition at the end",
		"The envoys presented their concerns to Zhou Enlai, the Premier of China.",
		[]string{"official-of asserted Zhou Enlai -> China {role=Premier}"}},
	{"ordinal title and apposition",
		"The ambassadors were appointed by the 45th President of the United States, Donald Trump.",
		[]string{"official-of asserted Donald Trump -> United States {role=President}"}},
	{"honorific after the title",
		"The plan was proposed in 1997 by Malaysian Prime Minister Dr. Mahathir bin Mohamad.",
		[]string{"official-of asserted Mahathir bin Mohamad -> Malaysia @1997 {role=Prime Minister}"}},
	{"inverted copula",
		"After the revolution, the first prime minister of Thailand was Phraya Manopakorn Nititada.",
		[]string{"official-of asserted Phraya Manopakorn Nititada -> Thailand {role=prime minister}"}},

	{"capitals stand for their states",
		"Moscow and Beijing are strategic allies.",
		[]string{"allied-with asserted [China, Russia]"}},
	{"capital as a target stays a city",
		"Russian missiles struck Kyiv on Monday.",
		[]string{"attacked asserted Russia -> Kyiv @XXXX-WXX-1"}},
	{"capital city mayor is not an office of the state",
		"Moscow Mayor Sergei Sobyanin opened the new metro line.",
		[]string{}},
	{"passive after a treaty noun",
		"The treaty was signed by Russia and Abkhazia in November 2014.",
		[]string{"treaty-between asserted [Abkhazia, Russia] @2014-11"}},
	{"is not a member",
		"Belarus is not a member of NATO.",
		[]string{"member-of negated Belarus -> NATO"}},
	{"observers in",
		"Serbia and Afghanistan are observers in the CSTO.",
		[]string{
			"observer-of asserted Afghanistan -> Collective Security Treaty Organization",
			"observer-of asserted Serbia -> Collective Security Treaty Organization",
		}},
	{"aspirations",
		"Georgia's NATO aspirations have angered Moscow.",
		[]string{"seeks-membership asserted Georgia -> NATO"}},
	{"applied for membership with a modifier",
		"Ukraine formally applied for NATO membership in September 2022.",
		[]string{"seeks-membership asserted Ukraine -> NATO @2022-09"}},

	{"deputy minister and envoy meet",
		"Russian Deputy Foreign Minister Grigory Karasin and Georgian envoy Zurab Abashidze met in Prague in October.",
		[]string{
			"met-with asserted [Grigory Karasin, Zurab Abashidze] @XXXX-10 {place=Prague}",
			"official-of asserted Grigory Karasin -> Russia @XXXX-10 {role=Deputy Foreign Minister}",
			"official-of asserted Zurab Abashidze -> Georgia @XXXX-10 {role=envoy}",
		}},
	{"member since",
		"Turkey, a NATO member since 1952, has strong ties with Russia.",
		[]string{"member-of asserted Turkey -> NATO @1952"}},
	{"wants to join",
		"Georgian Prime Minister Irakli Kobakhidze said on Monday that Georgia still wants to join the European Union.",
		[]string{
			"official-of asserted Irakli Kobakhidze -> Georgia @XXXX-WXX-1 {role=Prime Minister}",
			"seeks-membership asserted Georgia -> European Union",
		}},
	{"capital as recognizer",
		"Belgrade does not recognize Kosovo as an independent state.",
		[]string{"recognized-by negated Kosovo -> Serbia"}},
	{"rejoin a state is not membership",
		"The Abkhaz leader, Sergei Bagapsh, said Abkhazia would never rejoin Georgia.",
		[]string{"official-of asserted Sergei Bagapsh -> Abkhazia {role=leader}"}},

	{"left an organisation",
		"Britain formally left the European Union on 31 January 2020.",
		[]string{"member-of asserted United Kingdom -> European Union @2020-01-31 {former=true}"}},
	{"withdrew from an organisation",
		"Burkina Faso, Mali and Niger withdrew from ECOWAS in January 2025.",
		[]string{
			"member-of asserted Burkina Faso -> Economic Community of West African States @2025-01 {former=true}",
			"member-of asserted Mali -> Economic Community of West African States @2025-01 {former=true}",
			"member-of asserted Niger -> Economic Community of West African States @2025-01 {former=true}",
		}},
	{"pulled out of",
		"The United States pulled out of UNESCO in 2018.",
		[]string{"member-of asserted United States -> UNESCO @2018 {former=true}"}},
	{"sanctioned",
		"The United States sanctioned Iran on Friday over its drone programme.",
		[]string{"opposes asserted United States -> Iran @XXXX-WXX-5"}},
	{"nominal sanctions",
		"EU sanctions on Russia were extended for another six months.",
		[]string{"opposes asserted European Union -> Russia"}},
	{"hyphenated treaty parties",
		"The Russia-Belarus treaty was signed in 1999.",
		[]string{"treaty-between asserted [Belarus, Russia] @1999"}},
	{"hyphenated alliance",
		"The US-Japan alliance remains the bedrock of security in the Pacific.",
		[]string{"allied-with asserted [Japan, United States]"}},
	{"hyphenated attackers",
		"US-Israeli strikes on Iran began in June.",
		[]string{
			"attacked asserted Israel -> Iran @XXXX-06",
			"attacked asserted United States -> Iran @XXXX-06",
		}},

	// Plural pronouns, object pronouns and descriptions of states and
	// organisations, resolved only when one antecedent fits.
	{"them after a coordinated subject",
		"Finland and Sweden applied to join NATO in May 2022. Turkey initially opposed them.",
		[]string{
			"opposes asserted Turkey -> Finland<them>",
			"opposes asserted Turkey -> Sweden<them>",
			"seeks-membership asserted Finland -> NATO @2022-05",
			"seeks-membership asserted Sweden -> NATO @2022-05",
		}},
	{"the two countries",
		"Armenia and Azerbaijan fought a war in 2020. The two countries signed a peace deal in August 2025.",
		[]string{"treaty-between asserted [Armenia<The two countries>, Azerbaijan<The two countries>] @2025-08 {treaty=peace deal}"}},
	{"they in the same sentence",
		"Finland and Sweden said they would apply to join NATO.",
		[]string{
			"seeks-membership possible Finland<they> -> NATO",
			"seeks-membership possible Sweden<they> -> NATO",
		}},
	{"they in the next sentence",
		"Russia and China signed a friendship treaty in 2001. They also held talks with India.",
		[]string{
			"met-with asserted [China<They>, India, Russia<They>]",
			"treaty-between asserted [China, Russia] @2001 {treaty=friendship treaty}",
		}},
	{"the alliance",
		"NATO leaders gathered in Vilnius on Tuesday. Georgia still hopes to join the alliance.",
		[]string{"seeks-membership asserted Georgia -> NATO<the alliance>"}},
	{"the bloc in the same sentence",
		"Moldova applied to join the European Union in 2022, and the bloc admitted Croatia in 2013.",
		[]string{
			"member-of asserted Croatia -> European Union<the bloc> @2013",
			"seeks-membership asserted Moldova -> European Union @2022",
		}},
	{"object pronoun",
		"Xi Jinping arrived in Moscow on Monday. Putin met him at the Kremlin.",
		[]string{"met-with asserted [Vladimir Putin, Xi Jinping<him>]"}},

	// Time from a date of the sentence outside the trigger's clause.
	{"date after an apposition",
		"Russia recognised Abkhazia, a breakaway region of Georgia, on 26 August 2008.",
		[]string{"recognized-by asserted Abkhazia -> Russia @2008-08-26"}},
	{"date in an interruption",
		"Russia, in 2008, recognised Abkhazia and South Ossetia.",
		[]string{
			"recognized-by asserted Abkhazia -> Russia @2008",
			"recognized-by asserted South Ossetia -> Russia @2008",
		}},
	{"date after a participle clause",
		"Armenia and Azerbaijan signed a peace deal at the White House, ending decades of conflict, on 8 August 2025.",
		[]string{"treaty-between asserted [Armenia, Azerbaijan] @2025-08-08 {treaty=peace deal}"}},

	{"founding members",
		"Niger, Mali and Burkina Faso formed the Alliance of Sahel States in 2023.",
		[]string{
			"member-of asserted Burkina Faso -> Alliance of Sahel States @2023",
			"member-of asserted Mali -> Alliance of Sahel States @2023",
			"member-of asserted Niger -> Alliance of Sahel States @2023",
		}},
	{"possessive organisation of a member",
		"Belarus became the Shanghai Cooperation Organisation's tenth member in July 2024.",
		[]string{"member-of asserted Belarus -> Shanghai Cooperation Organisation @2024-07"}},
	{"possessive description of an organisation",
		"Leaders of the Shanghai Cooperation Organisation met in Astana. Belarus became the bloc's tenth member.",
		[]string{"member-of asserted Belarus -> Shanghai Cooperation Organisation<the bloc>"}},
	{"it after a reporting verb",
		"Pakistan said it shot down five Indian aircraft.",
		[]string{"attacked asserted Pakistan<it> -> India"}},
	{"targets in a state",
		"Indian jets struck targets in Pakistan on 7 May.",
		[]string{"attacked asserted India -> Pakistan @XXXX-05-07"}},
	{"date before a when clause",
		"The island was divided in 1974, when Turkish troops invaded northern Cyprus.",
		[]string{"attacked asserted Turkey -> Cyprus @1974"}},
	{"date before a where clause",
		"Leaders met in Astana in July 2024, where Belarus became the Shanghai Cooperation Organisation's tenth member.",
		[]string{"member-of asserted Belarus -> Shanghai Cooperation Organisation @2024-07"}},
	{"coordinated verb after a mistagged verb",
		"Finland shares a long border with Russia and joined NATO in April 2023.",
		[]string{"member-of asserted Finland -> NATO @2023-04"}},

	{"it opening a sentence",
		"Niger expelled French troops. It later joined the Alliance of Sahel States.",
		[]string{"member-of asserted Niger<It> -> Alliance of Sahel States"}},
	{"time noun after the target",
		"Russian drones attacked Odesa overnight, killing three people.",
		[]string{"attacked asserted Russia -> Odesa"}},
	{"candidate status",
		"Ukraine was granted EU candidate status in June 2022.",
		[]string{"seeks-membership asserted Ukraine -> European Union @2022-06"}},

	// Negatives that look close.
	{"an organisation's summit is not a meeting with it",
		"Brazil will host the BRICS summit in 2025.",
		[]string{}},
	{"it after troops is not the state",
		"Russian troops attacked Kharkiv. It was the heaviest attack this year.",
		[]string{"attacked asserted Russia -> Kharkiv"}},
	{"it after two organisations",
		"The EU and NATO condemned Russia. It also imposed sanctions on Belarus.",
		[]string{
			"opposes asserted European Union -> Russia",
			"opposes asserted NATO -> Russia",
		}},
	{"a broker is no party",
		"The two sides signed a deal brokered by Qatar.",
		[]string{}},
	{"a summit of an organisation is not a meeting with it",
		"Kazakhstan hosted a summit of the Shanghai Cooperation Organisation in Astana.",
		[]string{}},
	{"persons who found a party are not members by this rule",
		"Two former ministers founded the Progress Party in 1973.",
		[]string{}},
	{"the two sides are not the mediators",
		"Qatar and Egypt mediated talks between the two sides.",
		[]string{}},
	{"it after a reporting verb of two states",
		"Russia and China said it was a provocation.",
		[]string{}},
	{"targets near a border",
		"Drones struck targets near the border with Pakistan.",
		[]string{}},
	{"date of another event is not the relation's",
		"Finland joined NATO, a year after Russia's invasion of Ukraine in February 2022.",
		[]string{
			"attacked asserted Russia -> Ukraine @2022-02",
			"member-of asserted Finland -> NATO",
		}},
	{"date of a relative clause is not the relation's",
		"Ukraine, which applied in 2022, wants to join the European Union.",
		[]string{"seeks-membership asserted Ukraine -> European Union"}},
	{"date of reporting is not the meeting's",
		"Putin met Xi in Beijing, the Kremlin said on Monday.",
		[]string{"met-with asserted [Vladimir Putin, Xi Jinping] {place=Beijing}"}},
	{"they after a plural noun is not resolved",
		"Japan and South Korea signed a defence pact. Officials said they would meet again.",
		[]string{"treaty-between asserted [Japan, South Korea] {treaty=defence pact}"}},
	{"the bloc with two organisations before",
		"The European Union and NATO both condemned Russia. The bloc also imposed sanctions on Belarus.",
		[]string{
			"opposes asserted European Union -> Russia",
			"opposes asserted NATO -> Russia",
		}},
	{"object pronoun with two candidates",
		"Macron met Scholz and Meloni in Rome. Sanchez later met him in Madrid.",
		[]string{"met-with asserted [Emmanuel Macron, Giorgia Meloni, Olaf Scholz] {place=Rome}"}},
	{"the two countries with two pairs before",
		"Russia and China criticised the United States and Britain. The two countries signed a pact.",
		[]string{
			"opposes asserted China -> United Kingdom",
			"opposes asserted China -> United States",
			"opposes asserted Russia -> United Kingdom",
			"opposes asserted Russia -> United States",
		}},
	{"a new alliance is not anaphoric",
		"Mali and Niger formed a new alliance. Burkina Faso joined the alliance of the three juntas later.",
		[]string{"allied-with asserted [Mali, Niger]"}},
	{"could leave is no past membership",
		"Britain could leave the European Union.",
		[]string{}},
	{"troops withdrew from a city",
		"Russian troops withdrew from Kherson in November.",
		[]string{}},
	{"lifted sanctions have no agent",
		"The measures lifted sanctions on Belarus.",
		[]string{}},
	{"hyphenated name that is one organisation",
		"The NATO-Russia Council met in Brussels.",
		[]string{}},
	{"met criticism",
		"Russia and NATO met criticism from rights groups.",
		[]string{}},
	{"met with resistance",
		"The plan met with resistance from Germany.",
		[]string{}},
	{"member of the audience",
		"A member of the audience asked Putin about NATO.",
		[]string{}},
	{"Georgia the US state",
		"Atlanta, the capital of Georgia, the US state, hosted the Olympics in 1996.",
		[]string{}},
	{"governor of the US state",
		"Brian Kemp, the governor of Georgia, the US state, met reporters.",
		[]string{}},
	{"possessed object",
		"Germany acknowledged Russia's concerns but did not recognize them.",
		[]string{}},
	{"treaty with one party",
		"It was undecided whether there would be two separate agreements between Russia and the two Caucasus nations.",
		[]string{}},
	{"infinitive after a noun",
		"The future bloc will be modeled on NATO to counter NATO.",
		[]string{}},
	{"headline",
		"Russia, Caucasus allies to form ‘security outline’ to counter NATO",
		[]string{}},
}

func TestRelations(t *testing.T) {
	n := 0
	for _, c := range relationCases {
		n += strings.Count(c.text, ". ") + 1
	}
	if n < 60 {
		t.Errorf("only %d sentences in the table", n)
	}
	for _, c := range relationCases {
		t.Run(c.name, func(t *testing.T) {
			_, rs := analyse(t, c.text)
			got := formatAll(rs)
			want := append([]string{}, c.want...)
			sort.Strings(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", c.text, diff)
			}
		})
	}
}
