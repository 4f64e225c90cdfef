package entities

import (
	"context"
	"strings"
	"testing"
	"time"
)

// heldoutDoc is one news paragraph written for TestHeldoutNews, with its
// document date and its gold mentions in text order.
//
// A gold mention is written "T|text|name|flags": T is P, S, O, D or L
// (PERSON, STATE, ORG, DATE, LOCATION); text is found in the paragraph as
// a whole word at or after the previous mention's start (and not inside
// it unless at its start); name is the
// canonical name (the text when empty), or a DATE's value; flags hold o
// for an optional mention and a for an adjectival one. The conventions are
// the seed gold's: places that are not states, agencies in a dateline,
// demonyms and vague durations are optional; titles are outside PERSON
// spans; a possessive "'s" is outside the name.
type heldoutDoc struct {
	date string
	text string
	gold []string
}

// heldoutNews are ten paragraphs in the manner of Reuters, AP, TASS and RT,
// written for this test (not taken from any data set).
var heldoutNews = []heldoutDoc{
	{
		date: "2024-03-05",
		text: `KYIV, March 5 (Reuters) - Ukrainian President Volodymyr Zelenskiy said on Tuesday that Russian forces had launched more than 40 drones at the southern port of Odesa, days after Defence Minister Rustem Umerov met NATO Secretary-General Jens Stoltenberg in Brussels. "We need more air defence now, not next year," Zelenskiy told reporters. The Kremlin said last month that Moscow would not negotiate while Western countries keep arming Kyiv. (Reporting by Olena Harmash; Editing by Alex Richardson)`,
		gold: []string{
			"L|KYIV|Kyiv|o", "D|March 5|2024-03-05|", "O|Reuters||o", "S|Ukrainian|Ukraine|oa",
			"P|Volodymyr Zelenskiy|Volodymyr Zelensky|", "D|Tuesday|2024-03-05|", "S|Russian|Russia|oa",
			"L|Odesa||o", "P|Rustem Umerov||", "O|NATO||", "P|Jens Stoltenberg||", "L|Brussels||o",
			"D|next year|2025|", "P|Zelenskiy|Volodymyr Zelensky|", "O|Kremlin||", "D|last month|2024-02|",
			"L|Moscow||o", "L|Kyiv||o", "P|Olena Harmash||", "P|Alex Richardson||",
		},
	},
	{
		date: "2024-01-17",
		text: `CAIRO, Jan 17 (Reuters) - Egyptian Foreign Minister Sameh Shoukry met his Qatari counterpart in Cairo on Wednesday to discuss a ceasefire in the Gaza Strip, where Israeli strikes killed at least 50 people, Palestinian health officials said. Hamas said it had handed a new proposal to mediators earlier this week. The United Nations Security Council is due to vote on a draft resolution on Friday, diplomats said. Israel's Prime Minister Benjamin Netanyahu has rejected calls for a Palestinian state, and the White House said in December that Washington would keep pressing for a two-state solution.`,
		gold: []string{
			"L|CAIRO|Cairo|o", "D|Jan 17|2024-01-17|", "O|Reuters||o", "S|Egyptian|Egypt|oa",
			"P|Sameh Shoukry||", "S|Qatari|Qatar|oa", "L|Cairo||o", "D|Wednesday|2024-01-17|",
			"L|Gaza Strip||o", "S|Israeli|Israel|oa", "S|Palestinian|Palestine|oa", "O|Hamas||",
			"D|earlier this week|2024-W03|o", "O|United Nations Security Council|UN Security Council|",
			"D|Friday|2024-01-19|", "S|Israel||", "P|Benjamin Netanyahu||", "S|Palestinian|Palestine|oa",
			"O|White House||o", "D|December|2023-12|", "L|Washington||o",
		},
	},
	{
		date: "2023-09-20",
		text: `YEREVAN, September 20 (TASS) - Armenian Prime Minister Nikol Pashinyan said on Wednesday that Yerevan had not been consulted before Azerbaijan launched what Baku called "anti-terrorist measures" in Nagorno-Karabakh. Russian peacekeepers have been deployed in the region since November 2020, when a Moscow-brokered truce ended six weeks of fighting. Azerbaijani President Ilham Aliyev's aide Hikmet Hajiyev told the Turkish news agency Anadolu that talks with ethnic Armenian representatives would be held in the town of Yevlakh on Thursday. The European Union's foreign policy chief Josep Borrell called for an immediate halt to the hostilities.`,
		gold: []string{
			"L|YEREVAN|Yerevan|o", "D|September 20|2023-09-20|", "O|TASS||o", "S|Armenian|Armenia|oa",
			"P|Nikol Pashinyan||", "D|Wednesday|2023-09-20|", "L|Yerevan||o", "S|Azerbaijan||",
			"L|Baku||o", "L|Nagorno-Karabakh||o", "S|Russian|Russia|oa", "D|November 2020|2020-11|",
			"L|Moscow||o", "D|six weeks|P6W|o", "S|Azerbaijani|Azerbaijan|oa", "P|Ilham Aliyev||",
			"P|Hikmet Hajiyev||", "S|Turkish|Turkey|oa", "O|Anadolu|Anadolu Agency|", "S|Armenian|Armenia|oa",
			"L|Yevlakh||o", "D|Thursday|2023-09-21|", "O|European Union||", "P|Josep Borrell||",
		},
	},
	{
		date: "2024-07-04",
		text: `ASTANA, July 4 (Reuters) - Leaders of the Shanghai Cooperation Organisation gathered in the Kazakh capital on Thursday, with Chinese President Xi Jinping and Russian President Vladimir Putin calling for a "fairer" world order. Belarus formally joined the bloc at the summit, becoming its tenth member. Kazakh President Kassym-Jomart Tokayev, who chairs the group this year, said the SCO had grown from six members in 2001 into a body representing almost half of the world's population. Indian Prime Minister Narendra Modi skipped the meeting and sent Foreign Minister Subrahmanyam Jaishankar instead.`,
		gold: []string{
			"L|ASTANA|Astana|o", "D|July 4|2024-07-04|", "O|Reuters||o", "O|Shanghai Cooperation Organisation||",
			"S|Kazakh|Kazakhstan|oa", "D|Thursday|2024-07-04|", "S|Chinese|China|oa", "P|Xi Jinping||",
			"S|Russian|Russia|oa", "P|Vladimir Putin||", "S|Belarus||", "S|Kazakh|Kazakhstan|oa",
			"P|Kassym-Jomart Tokayev||", "D|this year|2024|", "O|SCO|Shanghai Cooperation Organisation|",
			"D|2001||", "S|Indian|India|oa", "P|Narendra Modi||", "P|Subrahmanyam Jaishankar|S. Jaishankar|",
		},
	},
	{
		date: "2023-07-12",
		text: `VILNIUS, Lithuania (AP) — NATO leaders meeting in Lithuania on Wednesday promised that Ukraine would be invited to join the alliance "when allies agree and conditions are met," stopping short of the timeline that Kyiv had sought. Turkish President Recep Tayyip Erdogan dropped his objections to Sweden's membership on Monday after talks with Swedish Prime Minister Ulf Kristersson, ending a standoff that had lasted more than a year. Finland joined NATO in April, doubling the alliance's border with Russia. U.S. President Joe Biden was due to deliver a speech at Vilnius University later in the day. Russian Foreign Ministry spokeswoman Maria Zakharova said the decisions were "a threat to Russia's security."`,
		gold: []string{
			"L|VILNIUS|Vilnius|o", "S|Lithuania||", "O|AP|Associated Press|o", "O|NATO||", "S|Lithuania||",
			"D|Wednesday|2023-07-12|", "S|Ukraine||", "L|Kyiv||o", "S|Turkish|Turkey|oa",
			"P|Recep Tayyip Erdogan|Recep Tayyip Erdoğan|", "S|Sweden||", "D|Monday|2023-07-10|",
			"S|Swedish|Sweden|oa", "P|Ulf Kristersson||", "S|Finland||", "O|NATO||", "D|April|2023-04|",
			"S|Russia||", "S|U.S.|United States|", "P|Joe Biden||", "O|Vilnius University||",
			"O|Russian Foreign Ministry||", "S|Russian|Russia|oa", "P|Maria Zakharova||", "S|Russia||",
		},
	},
	{
		date: "2023-08-10",
		text: `ABUJA, Aug 10 (Reuters) - West African leaders on Thursday ordered the activation of a standby force to restore constitutional order in Niger, where soldiers ousted President Mohamed Bazoum on July 26. The Economic Community of West African States (ECOWAS) said it still preferred a diplomatic solution, but Nigeria's President Bola Tinubu, the bloc's current chairman, said "no option is taken off the table." Mali and Burkina Faso, both run by military juntas since coups in 2021 and 2022, have warned that any intervention would be treated as a declaration of war. The African Union has suspended Niger, and France, the former colonial power, said it would back ECOWAS.`,
		gold: []string{
			"L|ABUJA|Abuja|o", "D|Aug 10|2023-08-10|", "O|Reuters||o", "L|West African|West Africa|oa",
			"D|Thursday|2023-08-10|", "S|Niger||", "P|Mohamed Bazoum||", "D|July 26|2023-07-26|",
			"O|Economic Community of West African States||", "O|ECOWAS|Economic Community of West African States|",
			"S|Nigeria||", "P|Bola Tinubu||", "S|Mali||", "S|Burkina Faso||", "D|2021||", "D|2022||",
			"O|African Union||", "S|Niger||", "S|France||", "O|ECOWAS|Economic Community of West African States|",
		},
	},
	{
		date: "2024-04-10",
		text: `TOKYO/MANILA, April 10 (Reuters) - Japanese Prime Minister Fumio Kishida arrived in Washington on Wednesday for a state visit, ahead of the first trilateral summit with Philippine President Ferdinand Marcos Jr and President Joe Biden. Tensions between Manila and Beijing have risen since last year over the Second Thomas Shoal in the South China Sea, where Chinese coast guard vessels have repeatedly fired water cannon at Philippine supply boats. China's foreign ministry spokesperson Mao Ning said on Tuesday the United States should stop "stoking confrontation." From 2016 to 2022, under former President Rodrigo Duterte, the Philippines had sought closer ties with China.`,
		gold: []string{
			"L|TOKYO|Tokyo|o", "L|MANILA|Manila|o", "D|April 10|2024-04-10|", "O|Reuters||o",
			"S|Japanese|Japan|oa", "P|Fumio Kishida||", "L|Washington||o", "D|Wednesday|2024-04-10|",
			"S|Philippine|Philippines|oa", "P|Ferdinand Marcos Jr|Ferdinand Marcos Jr.|", "P|Joe Biden||",
			"L|Manila||o", "L|Beijing||o", "D|last year|2023|", "L|Second Thomas Shoal||o",
			"L|South China Sea||o", "S|Chinese|China|oa", "S|Philippine|Philippines|oa", "S|China||",
			"P|Mao Ning||", "D|Tuesday|2024-04-09|", "S|United States||", "D|2016||", "D|2022||",
			"P|Rodrigo Duterte||", "S|Philippines||", "S|China||",
		},
	},
	{
		date: "2024-10-22",
		text: `Russian President Vladimir Putin has hosted the BRICS summit in Kazan, where leaders of more than 20 countries gathered for three days starting on Tuesday. The group, which was formed by Brazil, Russia, India and China in 2006 and joined by South Africa in 2010, expanded earlier this year to include Egypt, Ethiopia, Iran and the United Arab Emirates. Speaking to RIA Novosti, Kremlin spokesman Dmitry Peskov said the summit showed that attempts to isolate Moscow had failed. UN Secretary-General Antonio Guterres also attended, drawing criticism from Kiev. Relations between Russia and the West are at their worst since the Cold War, which ended with the collapse of the Soviet Union in 1991.`,
		gold: []string{
			"S|Russian|Russia|oa", "P|Vladimir Putin||", "O|BRICS||", "L|Kazan||o", "D|three days|P3D|o",
			"D|Tuesday|2024-10-22|", "S|Brazil||", "S|Russia||", "S|India||", "S|China||", "D|2006||",
			"S|South Africa||", "D|2010||", "D|earlier this year|2024|o", "S|Egypt||", "S|Ethiopia||",
			"S|Iran||", "S|United Arab Emirates||", "O|RIA Novosti||", "O|Kremlin||", "P|Dmitry Peskov||",
			"L|Moscow||o", "O|UN|United Nations|", "P|Antonio Guterres|António Guterres|", "L|Kiev|Kyiv|o",
			"S|Russia||", "S|Soviet Union||", "D|1991||",
		},
	},
	{
		date: "2024-12-19",
		text: `BRUSSELS, Dec 19 (Reuters) - European Union leaders agreed on Thursday to extend economic sanctions against Russia for another six months, after Hungarian Prime Minister Viktor Orban dropped his threat of a veto. The sanctions were first imposed in July 2014, after the downing of Malaysia Airlines flight MH17 over eastern Ukraine, and have been renewed every six months since. European Commission President Ursula von der Leyen told reporters the bloc would also discuss Moldova's accession talks, which opened in June. Georgia, which was granted candidate status last December, saw its bid frozen after the ruling Georgian Dream party suspended talks until the end of 2028. Relations between Brussels and Tbilisi had been warm in the 2000s.`,
		gold: []string{
			"L|BRUSSELS|Brussels|o", "D|Dec 19|2024-12-19|", "O|Reuters||o", "O|European Union||",
			"D|Thursday|2024-12-19|", "S|Russia||", "D|six months|P6M|o", "S|Hungarian|Hungary|oa",
			"P|Viktor Orban||", "D|July 2014|2014-07|", "O|Malaysia Airlines||", "S|Ukraine||",
			"D|six months|P6M|o", "O|European Commission||", "P|Ursula von der Leyen||", "S|Moldova||",
			"D|June|2024-06|", "S|Georgia||", "D|last December|2023-12|", "O|Georgian Dream||",
			"D|the end of 2028|2028-12|o", "L|Brussels||o", "L|Tbilisi||o", "D|the 2000s|200|",
		},
	},
	{
		date: "2024-06-05",
		text: `VIENNA, June 5 (Reuters) - The International Atomic Energy Agency's board of governors passed a resolution on Wednesday ordering Iran to step up cooperation, in a vote pushed by Britain, France and Germany. IAEA chief Rafael Grossi said Tehran had enriched uranium to up to 60% purity since April 2021. Iranian Foreign Ministry spokesman Nasser Kanaani called the move "politically motivated" and said Iran would respond. The 2015 nuclear deal collapsed after Washington withdrew from it in May 2018.`,
		gold: []string{
			"L|VIENNA|Vienna|o", "D|June 5|2024-06-05|", "O|Reuters||o", "O|International Atomic Energy Agency||",
			"D|Wednesday|2024-06-05|", "S|Iran||", "S|Britain|United Kingdom|", "S|France||", "S|Germany||",
			"O|IAEA|International Atomic Energy Agency|", "P|Rafael Grossi||", "L|Tehran||o",
			"D|April 2021|2021-04|", "O|Iranian Foreign Ministry||", "S|Iranian|Iran|oa", "P|Nasser Kanaani||",
			"S|Iran||", "D|2015||", "L|Washington||o", "D|May 2018|2018-05|",
		},
	},
}

// heldoutNews2 is a second set of eight paragraphs written for this test
// (not taken from any data set), on topics, regions and styles the first
// set lacks: TASS, Al Jazeera, Xinhua, AFP, the Kyiv Independent, Latin
// America, the Balkans and the South Caucasus.
var heldoutNews2 = []heldoutDoc{
	{
		date: "2024-02-14",
		text: `MOSCOW, February 14. /TASS/. Russian Foreign Minister Sergey Lavrov held talks with his Turkish counterpart Hakan Fidan in Moscow on Wednesday, the Russian Foreign Ministry said. The ministers discussed the Black Sea grain deal, which Moscow quit last July, and the situation in Syria, which Bashar al-Assad has ruled since the death of his father Hafez Assad in 2000. Assad visited Moscow in March. A day earlier, Deputy Defence Minister Yunus-Bek Yevkurov flew to Libya, where he met Khalifa Haftar in Benghazi. "The West has chosen confrontation," Lavrov said, adding that the Kremlin remained open to dialogue with Ankara.`,
		gold: []string{
			"L|MOSCOW|Moscow|o", "D|February 14|2024-02-14|", "O|TASS||o", "S|Russian|Russia|oa",
			"P|Sergey Lavrov|Sergei Lavrov|", "S|Turkish|Turkey|oa", "P|Hakan Fidan||", "L|Moscow||o", "D|Wednesday|2024-02-14|",
			"O|Russian Foreign Ministry||", "S|Russian|Russia|oa", "L|Black Sea||o", "L|Moscow||o",
			"D|last July|2023-07|", "S|Syria||", "P|Bashar al-Assad||", "P|Hafez Assad|Hafez al-Assad|", "D|2000||",
			"P|Assad|Bashar al-Assad|", "L|Moscow||o", "D|March|2023-03|", "D|A day earlier|2024-02-13|",
			"P|Yunus-Bek Yevkurov||", "S|Libya||", "P|Khalifa Haftar||", "L|Benghazi||o",
			"P|Lavrov|Sergei Lavrov|", "O|Kremlin||", "L|Ankara||o",
		},
	},
	{
		date: "2024-05-07",
		text: `Israeli tanks have rolled into the eastern part of Rafah and seized the Palestinian side of the crossing with Egypt, hours after Hamas said it had accepted a ceasefire proposal put forward by Qatari and Egyptian mediators. The Israeli army ordered some 100,000 residents to leave the city on Monday. Speaking to Al Jazeera from Deir el-Balah, UNRWA spokeswoman Louise Wateridge said: "There is no safe place in Gaza." CIA Director William Burns is expected in Cairo on Wednesday, while Israeli Prime Minister Benjamin Netanyahu's office said the proposal "falls far short" of Israel's demands. At least 34,735 people have been killed since October 7, according to the health authorities in Gaza.`,
		gold: []string{
			"S|Israeli|Israel|oa", "L|Rafah||o", "S|Palestinian|Palestine|oa", "S|Egypt||", "O|Hamas||",
			"S|Qatari|Qatar|oa", "S|Egyptian|Egypt|oa", "O|Israeli army|Israel Defense Forces|o", "S|Israeli|Israel|oa", "D|Monday|2024-05-06|",
			"O|Al Jazeera||", "L|Deir el-Balah|Deir al-Balah|o", "O|UNRWA||", "P|Louise Wateridge||", "L|Gaza|Gaza Strip|o",
			"O|CIA||", "P|William Burns||", "L|Cairo||o", "D|Wednesday|2024-05-08|", "S|Israeli|Israel|oa",
			"P|Benjamin Netanyahu||", "S|Israel||", "D|October 7|2023-10-07|", "L|Gaza|Gaza Strip|o",
		},
	},
	{
		date: "2024-09-05",
		text: `BEIJING, Sept. 5 (Xinhua) -- Chinese President Xi Jinping on Thursday announced that China will provide 360 billion yuan in financial support to African countries between 2025 and 2027, in a keynote speech at the opening ceremony of the summit of the Forum on China-Africa Cooperation (FOCAC) in Beijing. Senegalese President Bassirou Diomaye Faye, the summit's co-chair, said Africa welcomed the initiative. Xi also held talks with South African President Cyril Ramaphosa at the Great Hall of the People on Monday, and the two sides agreed to elevate their relations. Premier Li Qiang will attend the G20 summit in Brazil in November.`,
		gold: []string{
			"L|BEIJING|Beijing|o", "D|Sept. 5|2024-09-05|", "O|Xinhua||o", "S|Chinese|China|oa", "P|Xi Jinping||",
			"D|Thursday|2024-09-05|", "S|China||", "L|African|Africa|oa", "D|2025||", "D|2027||", "O|Forum on China-Africa Cooperation||",
			"O|FOCAC|Forum on China-Africa Cooperation|", "L|Beijing||o", "S|Senegalese|Senegal|oa",
			"P|Bassirou Diomaye Faye||", "L|Africa||o", "P|Xi|Xi Jinping|", "S|South African|South Africa|oa",
			"P|Cyril Ramaphosa||", "L|Great Hall of the People||o", "D|Monday|2024-09-02|", "P|Li Qiang||",
			"O|G20||", "S|Brazil||", "D|November|2024-11|",
		},
	},
	{
		date: "2024-01-29",
		text: `BAMAKO (AFP) - Mali, Burkina Faso and Niger announced on Sunday their immediate withdrawal from the Economic Community of West African States, accusing the bloc of having become "a threat to its member states". The three countries, all led by juntas that seized power between 2020 and 2023, formed the Alliance of Sahel States in September. "ECOWAS has drifted away from the ideals of its founding fathers," said Colonel Abdoulaye Maiga, spokesman for the Malian government. In Ouagadougou, Captain Ibrahim Traore's government has expelled French troops and turned to Russia's Wagner Group for help against jihadists linked to Al-Qaeda and the Islamic State group.`,
		gold: []string{
			"L|BAMAKO|Bamako|o", "O|AFP|Agence France-Presse|o", "S|Mali||", "S|Burkina Faso||", "S|Niger||",
			"D|Sunday|2024-01-28|", "O|Economic Community of West African States||", "D|2020||", "D|2023||",
			"O|Alliance of Sahel States||", "D|September|2023-09|", "O|ECOWAS|Economic Community of West African States|",
			"P|Abdoulaye Maiga||", "S|Malian|Mali|oa", "L|Ouagadougou||o", "P|Ibrahim Traore|Ibrahim Traoré|",
			"S|French|France|oa", "S|Russia||", "O|Wagner Group||", "O|Al-Qaeda|al-Qaeda|", "O|Islamic State||",
		},
	},
	{
		date: "2024-08-12",
		text: `Russian forces attacked Kharkiv Oblast with guided aerial bombs overnight on Aug. 11, killing two civilians, Governor Oleh Syniehubov reported. In Donetsk Oblast, fighting continued near Pokrovsk and Toretsk, the Ukrainian military said. Ukraine's surprise incursion into Russia's Kursk Oblast entered its seventh day, with Commander-in-Chief Oleksandr Syrskyi saying Ukrainian troops controlled about 1,000 square kilometers. President Volodymyr Zelensky said at the weekend that Moscow "brought the war to others' land and should feel what it has done."`,
		gold: []string{
			"S|Russian|Russia|oa", "L|Kharkiv Oblast||o", "D|Aug. 11|2024-08-11|", "P|Oleh Syniehubov||",
			"L|Donetsk Oblast||o", "L|Pokrovsk||o", "L|Toretsk||o", "S|Ukrainian|Ukraine|oa", "S|Ukraine||",
			"S|Russia||", "L|Kursk Oblast||o", "P|Oleksandr Syrskyi||", "S|Ukrainian|Ukraine|oa",
			"P|Volodymyr Zelensky||", "D|the weekend|2024-W32-WE|", "L|Moscow||o",
		},
	},
	{
		date: "2024-07-30",
		text: `CARACAS, July 30 (Reuters) - Venezuela's National Electoral Council (CNE) declared President Nicolas Maduro the winner of Sunday's election, but the opposition led by Maria Corina Machado said its candidate Edmundo Gonzalez had won by a wide margin. U.S. Secretary of State Antony Blinken said Washington had "serious concerns" about the result, while Brazilian President Luiz Inacio Lula da Silva urged Caracas to publish the tallies. Argentina, Chile and Peru refused to recognise the outcome, and Venezuela expelled their diplomats on Monday. Maduro, who has ruled since 2013, accused Elon Musk of backing a coup.`,
		gold: []string{
			"L|CARACAS|Caracas|o", "D|July 30|2024-07-30|", "O|Reuters||o", "S|Venezuela||",
			"O|National Electoral Council||", "O|CNE|National Electoral Council|", "P|Nicolas Maduro|Nicolás Maduro|",
			"D|Sunday|2024-07-28|", "P|Maria Corina Machado|María Corina Machado|", "P|Edmundo Gonzalez|Edmundo González Urrutia|",
			"S|U.S.|United States|", "P|Antony Blinken||", "L|Washington||o", "S|Brazilian|Brazil|oa",
			"P|Luiz Inacio Lula da Silva|Luiz Inácio Lula da Silva|", "L|Caracas||o", "S|Argentina||", "S|Chile||",
			"S|Peru||", "S|Venezuela||", "D|Monday|2024-07-29|", "P|Maduro|Nicolás Maduro|", "D|2013||",
			"P|Elon Musk||",
		},
	},
	{
		date: "2023-09-25",
		text: `PRISTINA, Kosovo (AP) — Kosovo's Prime Minister Albin Kurti on Monday accused Serbia of backing the armed men who stormed a monastery in the village of Banjska a day earlier, in a shootout that left a Kosovo police officer and three attackers dead. Serbian President Aleksandar Vucic denied any involvement and declared Wednesday a day of mourning for the dead gunmen. The European Union, which has mediated talks between Belgrade and Pristina since 2011, called for calm, and NATO said its peacekeepers were ready to act. Serbia has never recognized Kosovo's 2008 declaration of independence.`,
		gold: []string{
			"L|PRISTINA|Pristina|o", "S|Kosovo||", "O|AP|Associated Press|o", "S|Kosovo||", "P|Albin Kurti||",
			"D|Monday|2023-09-25|", "S|Serbia||", "L|Banjska||o", "D|a day earlier|2023-09-24|", "S|Kosovo||o",
			"S|Serbian|Serbia|oa", "P|Aleksandar Vucic|Aleksandar Vučić|", "D|Wednesday|2023-09-27|",
			"O|European Union||", "L|Belgrade||o", "L|Pristina||o", "D|2011||", "O|NATO||", "S|Serbia||",
			"S|Kosovo||", "D|2008||",
		},
	},
	{
		date: "2024-11-13",
		text: `BAKU, Nov 13 (Reuters) - Armenian Deputy Prime Minister Mher Grigoryan travelled to Baku for the COP29 climate summit on Wednesday, the most senior Armenian official to visit Azerbaijan since the 1990s, but did not hold talks with President Ilham Aliyev. Aliyev told the conference on Tuesday that oil and gas were "a gift of God" and accused France and the Netherlands of hypocrisy. The two countries agreed in August on the text of a peace treaty, Armenian Foreign Minister Ararat Mirzoyan said, but Baku wants Yerevan to change its constitution first. Prime Minister Nikol Pashinyan, who has refused to step down since the 2020 war, said in October that Armenia had frozen its participation in the Collective Security Treaty Organization.`,
		gold: []string{
			"L|BAKU|Baku|o", "D|Nov 13|2024-11-13|", "O|Reuters||o", "S|Armenian|Armenia|oa", "P|Mher Grigoryan||",
			"L|Baku||o", "O|COP29||o", "D|Wednesday|2024-11-13|", "S|Armenian|Armenia|oa", "S|Azerbaijan||",
			"D|the 1990s|199X|", "P|Ilham Aliyev||", "P|Aliyev|Ilham Aliyev|", "D|Tuesday|2024-11-12|",
			"S|France||", "S|Netherlands||", "D|August|2024-08|", "S|Armenian|Armenia|oa", "P|Ararat Mirzoyan||",
			"L|Baku||o", "L|Yerevan||o", "P|Nikol Pashinyan||", "D|2020||", "D|October|2024-10|", "S|Armenia||",
			"O|Collective Security Treaty Organization||",
		},
	},
}

// heldoutGold is one parsed gold mention of a heldoutDoc.
type heldoutGold struct {
	typ                  Type
	start, end           int
	name, value          string
	optional, adjectival bool
}

// parseHeldout finds the gold mentions of d in its text; it reports a
// mention it cannot place.
func parseHeldout(t *testing.T, d heldoutDoc) []heldoutGold {
	t.Helper()
	types := map[string]Type{"P": Person, "S": State, "O": Org, "D": Date, "L": Location}
	var out []heldoutGold
	from, prevEnd := 0, 0
	for _, g := range d.gold {
		f := strings.Split(g, "|")
		if len(f) != 4 || types[f[0]] == "" {
			t.Fatalf("malformed gold %q", g)
		}
		at := -1
		for i := from; i <= len(d.text)-len(f[1]); {
			j := strings.Index(d.text[i:], f[1])
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(f[1])
			if s > from && s < prevEnd {
				i = s + 1 // inside the previous mention ("Aliyev" of "Ilham Aliyev")
				continue
			}
			if (s == 0 || !isWordByte(d.text[s-1])) && (e == len(d.text) || !isWordByte(d.text[e])) {
				at = s
				break
			}
			i = s + 1
		}
		if at < 0 {
			t.Fatalf("gold %q not found after byte %d of %.40q", g, from, d.text)
		}
		from, prevEnd = at, at+len(f[1])
		m := heldoutGold{typ: types[f[0]], start: at, end: at + len(f[1]), name: f[2],
			optional: strings.Contains(f[3], "o"), adjectival: strings.Contains(f[3], "a")}
		if m.typ == Date {
			m.value, m.name = m.name, f[1]
			if m.value == "" {
				m.value = f[1]
			}
		} else if m.name == "" {
			m.name = f[1]
		}
		out = append(out, m)
	}
	return out
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// TestHeldoutNews measures strict span+type precision, recall and F1 per
// type on the required mentions of heldoutNews (optional ones neither
// required nor penalised), the share of matched mentions with the gold
// canonical name, and of matched dates with the gold value. Run with -v to
// see the figures and every error.
//
// Measured once before any change was made for it (go test ./entities
// -run HeldoutNews -v): strict P/R/F1 PERSON 1.000/1.000/1.000 (35 gold),
// STATE 1.000/1.000/1.000 (41), ORG 0.929/0.963/0.945 (27), DATE
// 0.978/0.978/0.978 (45), spurious LOCATION 2, all 0.967/0.986/0.977
// (148); names and adjectival flags right on 219 of 219 matched mentions,
// date values on 44 of 48. The errors: weekdays and a bare month resolved
// to the wrong side of the document date ("is due to vote on Friday",
// "said in December" in January), "last December" unread, "African" of
// "West African" alone, "Second Thomas Shoal" an ORG, "Georgian Dream
// party" with its common noun, "the West" a LOCATION. (The gold of "the
// end of 2028" was then corrected from 2028 to 2028-12, the seed's
// convention for "the end of the year".) The set guided the fixes that
// followed its first measurement, so later figures are no longer held-out
// figures: after them, PERSON, STATE, ORG and DATE 1.000/1.000/1.000,
// spurious LOCATION 1 ("the West"), all 0.993/1.000/0.997; names and
// flags right on 223 of 223, date values on 49 of 49. After the third
// round's fixes (guided by heldoutNews2) "the West" is no mention, and all
// is 1.000/1.000/1.000. The floor guards against regressions.
func TestHeldoutNews(t *testing.T) {
	f, matched, rightName, dates, rightValue := measureHeldout(t, heldoutNews)
	if f < 0.97 {
		t.Errorf("strict F1 on required mentions %.3f, want >= 0.97", f)
	}
	if rightName < matched {
		t.Errorf("names or adjectival flags wrong on %d of %d matched mentions", matched-rightName, matched)
	}
	if rightValue < dates {
		t.Errorf("date values wrong on %d of %d matched dates", dates-rightValue, dates)
	}
}

// measureHeldout logs the figures and errors of the extractor on set and
// returns the strict F1 on required mentions, the number of matched
// mentions and of those with the gold name and adjectival flag, and the
// number of matched dates and of those with the gold value.
func measureHeldout(t *testing.T, set []heldoutDoc) (f float64, matched, rightName, dates, rightValue int) {
	t.Helper()
	e := newTestExtractor(t)
	tp, sys, req := map[Type]int{}, map[Type]int{}, map[Type]int{}
	for di, d := range set {
		golds := parseHeldout(t, d)
		date, err := time.Parse("2006-01-02", d.date)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := e.ExtractAt(context.Background(), d.text, date)
		if err != nil {
			t.Fatal(err)
		}
		type key struct {
			typ        Type
			start, end int
		}
		byKey := map[key]heldoutGold{}
		for _, g := range golds {
			byKey[key{g.typ, g.start, g.end}] = g
			if !g.optional {
				req[g.typ]++
			}
		}
		found := map[key]bool{}
		for _, m := range doc.Mentions {
			k := key{m.Type, m.Start, m.End}
			g, ok := byKey[k]
			if !ok {
				sys[m.Type]++
				t.Logf("doc %d spurious: %s %q (%s)", di, m.Type, m.Text, m.Name)
				continue
			}
			found[k] = true
			if !g.optional {
				sys[m.Type]++
				tp[m.Type]++
			}
			matched++
			if m.Name == g.name && m.Adjectival == g.adjectival {
				rightName++
			} else {
				t.Logf("doc %d link: %s %q name %q adj %v, gold %q adj %v", di, m.Type, m.Text, m.Name, m.Adjectival, g.name, g.adjectival)
			}
			if m.Type == Date {
				dates++
				if m.Value == g.value {
					rightValue++
				} else {
					t.Logf("doc %d value: %q %q, gold %q", di, m.Text, m.Value, g.value)
				}
			}
		}
		for _, g := range golds {
			if !g.optional && !found[key{g.typ, g.start, g.end}] {
				t.Logf("doc %d missed: %s %q", di, g.typ, d.text[g.start:g.end])
			}
		}
	}
	var allTP, allSys, allReq int
	t.Logf("%-9s %6s %6s %6s %4s %4s %4s", "type", "P", "R", "F1", "tp", "sys", "gold")
	for _, typ := range []Type{Person, State, Org, Date, Location} {
		p, r, f := prf(tp[typ], sys[typ], req[typ])
		t.Logf("%-9s %6.3f %6.3f %6.3f %4d %4d %4d", typ, p, r, f, tp[typ], sys[typ], req[typ])
		allTP, allSys, allReq = allTP+tp[typ], allSys+sys[typ], allReq+req[typ]
	}
	p, r, f1 := prf(allTP, allSys, allReq)
	f = f1
	t.Logf("%-9s %6.3f %6.3f %6.3f %4d %4d %4d", "all", p, r, f1, allTP, allSys, allReq)
	t.Logf("linking: name and adjectival flag right on %d of %d matched mentions; date values right on %d of %d", rightName, matched, rightValue, dates)
	return f, matched, rightName, dates, rightValue
}

// TestHeldoutNews2 measures heldoutNews2 as TestHeldoutNews measures
// heldoutNews.
//
// Measured once before any change was made for it (go test ./entities
// -run HeldoutNews2 -v), the honest generalisation figure: strict P/R/F1
// all 0.934/0.950/0.942 (121 found, 119 gold), names and adjectival flags
// right on 164 of 173 matched mentions, date values on 31 of 34. Eight of
// those errors were the gold's, corrected before any code change (names
// not the gazetteer's canonical ones: "Sergei Lavrov" twice, "Deir
// al-Balah", "Edmundo González Urrutia"; "Gaza" the Strip; "Israeli army"
// and the "African" of "African countries" left out; "Aliyev" placed
// inside "Ilham Aliyev" by the parser), which gave, still before any
// change: PERSON 0.972/1.000/0.986 (35 gold), STATE 0.964/1.000/0.982
// (27), ORG 0.900/0.900/0.900 (20), DATE 1.000/0.919/0.958 (37), spurious
// LOCATION 1, all 0.958/0.958/0.958 (119); names and flags right on 171
// of 176, date values on 31 of 34. The errors: a bare "Assad" linked to
// Hafez after "Bashar al-Assad ... his father Hafez Assad"; a bare month
// after a past verb without an auxiliary put in the coming year ("Assad
// visited Moscow in March" in February, "formed the Alliance ... in
// September" in January); "a day earlier" and "at the weekend" unread;
// "Gaza" taken for Gaza City; "Forum on China-Africa Cooperation" unread
// and its parts a STATE and a LOCATION, its acronym and "CNE" not linked to
// their definitions; "Islamic State group" with its common noun; "God" a
// PERSON; "Baku wants" an ORG; "declared Wednesday a day of mourning" read
// as the past Wednesday. (The gold of "at the weekend" was then given the
// span "the weekend", the convention of "the 2000s".)
//
// The set guided the fixes that followed, so later figures are no longer
// held-out figures: after them, PERSON 1.000/1.000/1.000, STATE
// 0.964/1.000/0.982, ORG 0.950/0.950/0.950, DATE 1.000/1.000/1.000,
// spurious LOCATION 1, all 0.975/0.992/0.983; names and flags right on 176
// of 180, date values on 36 of 37. Left: "Gaza" (the gazetteer ranks the
// city first), "Forum on China-Africa Cooperation", "CNE" (Spanish
// initials), "Baku wants" and the mourning Wednesday. The floor guards
// against regressions.
func TestHeldoutNews2(t *testing.T) {
	f, _, _, _, _ := measureHeldout(t, heldoutNews2)
	if f < 0.98 {
		t.Errorf("strict F1 on required mentions %.3f, want >= 0.98", f)
	}
}
