"""Build the tidy tables of rule set rbk-2015 from the transcriptions in the domain dossier.

Run once when the transcription changes (the CSVs it writes are the data the engine loads)::

    python -m kwalibo.assessments.rules.convert_rbk2015 ../shared/domain/data

Inputs (each row carries its legal source in the dossier): ``normwaarden_grond.csv`` (Rbk 2015
Bijlage B tabel 1 + Circulaire bodemsanering 2013 bijlage 1), ``normwaarden_bagger.csv`` (Rbk
Bijlage B tabel 2), ``standaardisatie.csv`` (Bijlage G III tabel 3 and 4),
``rapportagegrenzen.csv`` (Bijlage G IV tabel 1), ``somparameters.csv`` (Bijlage N) and
``dioxine_tef.csv`` (Bijlage B tabel 1 opmerking 3).

The substance catalogue below is curated: ids, the regulation's names, the standardisation
group (Bijlage G III tabel 3: metals by name, "organische verbindingen", PAH bounds of tabel 4,
"overige verbindingen"), CAS numbers, Aquo codes and SIKB0101 parameter ids. Codes and ids come
from the SIKB0101 domain table 'Parameter' (IMMetingen lookup 4.3.0, 2020-06-26) as copied in
GitHub relluf/veldapps-imsikb ``tools/immetingen/xmls/Parameter.xml`` (commit 36314967b6), which
gives id, Aquo code, description and CAS number per parameter. Codes marked ``aquo-list`` in
``aliases.csv`` were found only in the Aquo parameter list copied in GitHub pkriens/environment
``water/aquo/docs/AQUO_Parameters.md`` (commit 6e1c4dfd1c), without an id.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

OUT = Path(__file__).resolve().parent / "rbk_2015"

SIKB_SOURCE = "SIKB0101 domeintabel Parameter 4.3.0 (relluf/veldapps-imsikb tools/immetingen/xmls/Parameter.xml)"
AQUO_LIST_SOURCE = (
    "Aquo domeintabel Parameter (pkriens/environment water/aquo/docs/AQUO_Parameters.md)"
)
RBK_SOURCE = "Rbk 2015 Bijlage B/G/N (statengeneraal/laws-markdown BWBR0023085, 2015-01-30)"
CURATED = "kwalibo: common spelling"

# id | name as in the regulation | group | standardisation | CAS | Aquo code (* = aquo-list only)
# | SIKB id | extra aliases separated by ';'
CATALOGUE = """
antimoon|antimoon (Sb)|metaal|antimoon|7440-36-0|Sb|301|antimony
arseen|arseen (As)|metaal|arseen|7440-38-2|As|310|arsenicum;arsenic;arseen totaal
barium|barium (Ba)|metaal|barium|7440-39-3|Ba|333|
beryllium|beryllium (Be)|metaal|beryllium|7440-41-7|Be|362|
cadmium|cadmium (Cd)|metaal|cadmium|7440-43-9|Cd|441|
chroom|chroom (Cr)|metaal|chroom|7440-47-3|Cr|517|chromium;chroom totaal;chroom (totaal)
kobalt|kobalt (Co)|metaal|kobalt|7440-48-4|Co|527|cobalt
koper|koper (Cu)|metaal|koper|7440-50-8|Cu|971|copper
kwik|kwik (Hg)|metaal|kwik|7439-97-6|Hg|1097|mercury;kwik totaal
lood|lood (Pb)|metaal|lood|7439-92-1|Pb|1116|lead
molybdeen|molybdeen (Mo)|metaal|molybdeen|7439-98-7|Mo|1243|molybdenum
nikkel|nikkel (Ni)|metaal|nikkel|7440-02-0|Ni|1267|nickel
seleen|seleen (Se)|metaal|overige|7782-49-2|Se|1476|selenium
thallium|thallium (Tl)|metaal|thallium|7440-28-0|Tl|1553|
tin|tin (Sn)|metaal|tin|7440-31-5|Sn|1564|
vanadium|vanadium (V)|metaal|vanadium|7440-62-2|V|1642|
zink|zink (Zn)|metaal|zink|7440-66-6|Zn|1693|zinc
chloride|chloride|anorganisch|overige|16887-00-6|Cl|508|
cyanide_vrij|cyanide (vrij)|anorganisch|overige||CNvrij|537|cyanide-vrij;vrij cyanide;CN vrij;cyanide vrij
cyanide_complex|cyanide (complex)|anorganisch|overige||CNcpx*||cyanide-complex;complex cyanide;CN complex;cyanide complex
cyanide_totaal|cyanide (totaal)|anorganisch|overige|57-12-5|CN|536|cyanide;totaal cyanide;CN totaal;cyanide totaal
thiocyanaten|thiocyanaten|anorganisch|overige||toCN|1556|thiocyanaten (som);thiocyanaat;thiocyanaat (anion)
benzeen|benzeen|aromatisch|organisch|71-43-2|Ben|342|benzene
ethylbenzeen|ethylbenzeen|aromatisch|organisch|100-41-4|C2yBen|728|ethylbenzene
tolueen|tolueen|aromatisch|organisch|108-88-3|Tol|1568|toluene
xylenen_som|xylenen (som)|aromatisch|organisch||sxyln|1686|xylenen;som xylenen;xyleen (som);xylenen totaal;som xyleen-isomeren;xylenes
o_xyleen|ortho-xyleen|aromatisch|organisch|95-47-6|12xyln|1341|o-xyleen;1,2-xyleen
m_xyleen|meta-xyleen|aromatisch|organisch|108-38-3|13xyln|1147|m-xyleen;1,3-xyleen
p_xyleen|para-xyleen|aromatisch|organisch|106-42-3|14xyln|1362|p-xyleen;1,4-xyleen
mp_xyleen|som meta- en para-xyleen|aromatisch|organisch||s1314xyln|1143|m,p-xyleen;m/p-xyleen;m+p-xyleen;som 1,3- en 1,4-xyleen;m- en p-xyleen;p- en m-xyleen;p,m-xyleen
styreen|styreen (vinylbenzeen)|aromatisch|organisch|100-42-5|styrn|1503|vinylbenzeen;styrene
fenol|fenol|aromatisch|organisch|108-95-2|Fol|751|phenol
cresolen_som|cresolen (som)|aromatisch|organisch||scresl|531|cresolen;som cresolen;som cresol-isomeren
o_cresol|ortho-cresol|aromatisch|organisch|95-48-7|ocresl|1331|o-cresol;2-methylfenol
m_cresol|meta-cresol|aromatisch|organisch|108-39-4|mcresl|1145|m-cresol;3-methylfenol
p_cresol|para-cresol|aromatisch|organisch|106-44-5|pcresl|1359|p-cresol;4-methylfenol
mp_cresol|som meta- en para-cresol|aromatisch|organisch||scresl2|193|m,p-cresol;m/p-cresol;som m-cresol en p-cresol
dodecylbenzeen|dodecylbenzeen|aromatisch|organisch|123-01-3|dodcBen*||n-dodecylbenzeen
aromatische_oplosmiddelen_som|aromatische oplosmiddelen (som)|aromatisch|organisch||sarmtsolmd16*||aromatische oplosmiddelen;som aromatische oplosmiddelen
tmb_123|1,2,3-trimethylbenzeen|aromatisch|organisch|526-73-8|123TC1yBen|29|1, 2, 3-trimethyl-benzeen
tmb_124|1,2,4-trimethylbenzeen|aromatisch|organisch|95-63-6|124TC1yBen|33|
tmb_135|1,3,5-trimethylbenzeen|aromatisch|organisch|108-67-8|135TC1yBen|45|
ethyltolueen_2|2-ethyltolueen|aromatisch|organisch|611-14-3|2C2yTol|154|
ethyltolueen_3|3-ethyltolueen|aromatisch|organisch|620-14-4|3C2yTol|202|
ethyltolueen_4|4-ethyltolueen|aromatisch|organisch|622-96-8|4C2yTol|232|
isopropylbenzeen|isopropylbenzeen|aromatisch|organisch|98-82-8|cumn|903|cumeen
propylbenzeen|propylbenzeen|aromatisch|organisch|103-65-1|1C3yBen|1434|1-propylbenzeen;n-propylbenzeen
naftaleen|naftaleen|pak|pak|91-20-3|Naf|1259|naphthalene;naphtaleen
fenantreen|fenantreen|pak|pak|85-01-8|Fen|746|fenanthreen;phenanthrene
antraceen|antraceen|pak|pak|120-12-7|Ant|299|anthraceen;anthracene
fluorantheen|fluorantheen|pak|pak|206-44-0|Flu|775|fluoranteen;fluoranthene
chryseen|chryseen|pak|pak|218-01-9|Chr|518|chrysene
benzo_a_antraceen|benzo(a)antraceen|pak|pak|56-55-3|BaA|345|benz(a)antraceen;benzo[a]antraceen;benzo(a)anthraceen;benz(a)anthracene;benzo(a)anthracene
benzo_a_pyreen|benzo(a)pyreen|pak|pak|50-32-8|BaP|346|benz(a)pyreen;benzo[a]pyreen;benzo(a)pyrene
benzo_k_fluorantheen|benzo(k)fluorantheen|pak|pak|207-08-9|BkF|353|benz(k)fluoranteen;benzo(k)fluoranteen;benzo[k]fluorantheen;benzo(k)fluoranthene
indeno_123cd_pyreen|indeno(1,2,3cd)pyreen|pak|pak|193-39-5|InP|882|indeno(1,2,3-cd)pyreen;indeno(123cd)pyreen;indeno[1,2,3-cd]pyreen;indeno(1,2,3-cd)pyrene
benzo_ghi_peryleen|benzo(ghi)peryleen|pak|pak|191-24-2|BghiPe|351|benz(ghi)peryleen;benzo(g,h,i)peryleen;benzo[ghi]peryleen;benzo(ghi)perylene
pak_som10|PAK’s totaal (som 10)|pak|pak||sPAK10|1352|PAK (som 10);PAK's (som 10);pak-10;pak 10;pak10;som PAK;som PAK 10;som 10 PAK;som-PAK;PAK totaal;PAK-totaal;PAK totaal (10 van VROM);PAK 10 VROM;PAK (10 VROM);PAK-10 VROM;som 10 polycyclische aromatische koolwaterstoffen (VROM);polycyclische aromatische koolwaterstoffen (som 10);PAH 10;som PAK 10 VROM
vinylchloride|monochlooretheen (vinylchloride)|vluchtig_chloor|organisch|75-01-4|ClC2e|1654|vinylchloride;monochlooretheen;chlooretheen;chlooretheen (vinylchloride)
dichloormethaan|dichloormethaan|vluchtig_chloor|organisch|75-09-2|DClC1a|619|methyleenchloride
dca_11|1,1-dichloorethaan|vluchtig_chloor|organisch|75-34-3|11DClC2a|8|
dca_12|1,2-dichloorethaan|vluchtig_chloor|organisch|107-06-2|12DClC2a|36|
dce_11|1,1-dichlooretheen|vluchtig_chloor|organisch|75-35-4|11DClC2e|9|
dce_12_som|1,2-dichlooretheen (som)|vluchtig_chloor|organisch|540-59-0|12DClC2e|37|1,2-dichlooretheen;som 1,2-dichlooretheen;som cis- en trans-1,2-dichlooretheen
dce_12_cis|cis-1,2-dichlooretheen|vluchtig_chloor|organisch|156-59-2|c12DClC2e|520|cis 1,2-dichlooretheen
dce_12_trans|trans-1,2-dichlooretheen|vluchtig_chloor|organisch|156-60-5|t12DClC2e|1578|trans 1,2-dichlooretheen
dichloorpropanen_som|dichloorpropanen (som)|vluchtig_chloor|organisch||sDClC3a3|622|dichloorpropanen;som dichloorpropanen;som 3 dichloorpropanen (som 1,1- en 1,2- en 1,3-)
dcpa_11|1,1-dichloorpropaan|vluchtig_chloor|organisch|78-99-9|11DClC3a|10|
dcpa_12|1,2-dichloorpropaan|vluchtig_chloor|organisch|78-87-5|12DClC3a|38|
dcpa_13|1,3-dichloorpropaan|vluchtig_chloor|organisch|142-28-9|13DClC3a|48|
chloroform|trichloormethaan (chloroform)|vluchtig_chloor|organisch|67-66-3|TClC1a|1711|trichloormethaan;chloroform
tca_111|1,1,1-trichloorethaan|vluchtig_chloor|organisch|71-55-6|111TClC2a|4|
tca_112|1,1,2-trichloorethaan|vluchtig_chloor|organisch|79-00-5|112TClC2a|6|
tri|trichlooretheen (Tri)|vluchtig_chloor|organisch|79-01-6|TClC2e|1598|trichlooretheen;tri;trichloorethyleen
tetra|tetrachloormethaan (Tetra)|vluchtig_chloor|organisch|56-23-5|T4ClC1a|1538|tetrachloormethaan;tetra;tetrachloorkoolstof
per|tetrachlooretheen (Per)|vluchtig_chloor|organisch|127-18-4|T4ClC2e|1536|tetrachlooretheen;per;perchloorethyleen;tetrachloorethyleen
monochloorbenzeen|monochloorbenzeen|chloorbenzeen|organisch|108-90-7|ClBen|1246|chloorbenzeen
dcb_som|dichloorbenzenen (som)|chloorbenzeen|organisch||sDClBen|607|dichloorbenzenen;som dichloorbenzenen;som dichloorbenzeen-isomeren
dcb_12|1,2-dichloorbenzeen|chloorbenzeen|organisch|95-50-1|12DClBen|35|
dcb_13|1,3-dichloorbenzeen|chloorbenzeen|organisch|541-73-1|13DClBen|47|
dcb_14|1,4-dichloorbenzeen|chloorbenzeen|organisch|106-46-7|14DClBen|54|
tcb_som|trichloorbenzenen (som)|chloorbenzeen|organisch||sTClBen|1595|trichloorbenzenen;som trichloorbenzenen
tcb_123|1,2,3-trichloorbenzeen|chloorbenzeen|organisch|87-61-6|123TClBen|26|
tcb_124|1,2,4-trichloorbenzeen|chloorbenzeen|organisch|120-82-1|124TClBen|32|
tcb_135|1,3,5-trichloorbenzeen|chloorbenzeen|organisch|108-70-3|135TClBen|44|
tecb_som|tetrachloorbenzenen (som)|chloorbenzeen|organisch||sT4ClBen|1533|tetrachloorbenzenen;som tetrachloorbenzenen;som tetrachloorbenzeen-isomeren
tecb_1234|1,2,3,4-tetrachloorbenzeen|chloorbenzeen|organisch|634-66-2|1234T4ClBen|16|
tecb_1235|1,2,3,5-tetrachloorbenzeen|chloorbenzeen|organisch|634-90-2|1235T4ClBen|18|
tecb_1245|1,2,4,5-tetrachloorbenzeen|chloorbenzeen|organisch|95-94-3|1245T4ClBen|30|
pentachloorbenzeen|pentachloorbenzeen|chloorbenzeen|organisch|608-93-5|PeClBen|1387|
hexachloorbenzeen|hexachloorbenzeen|chloorbenzeen|organisch|118-74-1|HCB|861|hexachloorbenzeen (HCB);HCB
chloorbenzenen_som|chloorbenzenen (som)|chloorbenzeen|organisch||sClBen12|476|chloorbenzenen;som chloorbenzenen;som 12 chloorbenzenen
mclfol_som|monochloorfenolen (som)|chloorfenol|organisch||sMClFol|1248|monochloorfenolen;som monochloorfenolen;som monochloorfenol-isomeren
mclfol_2|2-chloorfenol|chloorfenol|organisch|95-57-8|2ClFol|146|
mclfol_3|3-chloorfenol|chloorfenol|organisch|108-43-0|3ClFol|198|
mclfol_4|4-chloorfenol|chloorfenol|organisch|106-48-9|4ClFol|229|
dclfol_som|dichloorfenolen (som)|chloorfenol|organisch||sDClFol6|615|dichloorfenolen;som dichloorfenolen;som 6 dichloorfenolen
dclfol_23|2,3-dichloorfenol|chloorfenol|organisch|576-24-9|23DClFol|94|
dclfol_24|2,4-dichloorfenol|chloorfenol|organisch|120-83-2|24DClFol|115|
dclfol_25|2,5-dichloorfenol|chloorfenol|organisch|583-78-8|25DClFol|127|
dclfol_26|2,6-dichloorfenol|chloorfenol|organisch|87-65-0|26DClFol|136|
dclfol_34|3,4-dichloorfenol|chloorfenol|organisch|95-77-2|34DClFol|179|
dclfol_35|3,5-dichloorfenol|chloorfenol|organisch|591-35-5|35DClFol|186|
tclfol_som|trichloorfenolen (som)|chloorfenol|organisch||sTClFol|1600|trichloorfenolen;som trichloorfenolen;som trichloorfenol-isomeren
tclfol_234|2,3,4-trichloorfenol|chloorfenol|organisch|15950-66-0|234TClFol|83|
tclfol_235|2,3,5-trichloorfenol|chloorfenol|organisch|933-78-8|235TClFol|86|
tclfol_236|2,3,6-trichloorfenol|chloorfenol|organisch|933-75-5|236TClFol|89|
tclfol_245|2,4,5-trichloorfenol|chloorfenol|organisch|95-95-4|245TClFol|101|
tclfol_246|2,4,6-trichloorfenol|chloorfenol|organisch|88-06-2|246TClFol|106|
tclfol_345|3,4,5-trichloorfenol|chloorfenol|organisch|609-19-8|345TClFol|177|
teclfol_som|tetrachloorfenolen (som)|chloorfenol|organisch||sT4ClFol|1537|tetrachloorfenolen;som tetrachloorfenolen;som tetrachloorfenol-isomeren
teclfol_2345|2,3,4,5-tetrachloorfenol|chloorfenol|organisch|4901-51-3|2345T4ClFol|78|
teclfol_2346|2,3,4,6-tetrachloorfenol|chloorfenol|organisch|58-90-2|2346T4ClFol|80|
teclfol_2356|2,3,5,6-tetrachloorfenol|chloorfenol|organisch|935-95-5|2356T4ClFol|84|
pentachloorfenol|pentachloorfenol|chloorfenol|organisch|87-86-5|PeClFol|1390|PCP
chloorfenolen_som|chloorfenolen (som)|chloorfenol|organisch||sClFol|482|chloorfenolen;som chloorfenolen
pcb_28|PCB 28|pcb|organisch|7012-37-5|PCB28|1381|PCB-28;2,4,4'-trichloorbifenyl
pcb_52|PCB 52|pcb|organisch|35693-99-3|PCB52|1382|PCB-52;2,2',5,5'-tetrachloorbifenyl
pcb_101|PCB 101|pcb|organisch|37680-73-2|PCB101|1372|PCB-101;2,2',4,5,5'-pentachloorbifenyl
pcb_118|PCB 118|pcb|organisch|31508-00-6|PCB118|1374|PCB-118;2,3',4,4',5-pentachloorbifenyl
pcb_138|PCB 138|pcb|organisch|35065-28-2|PCB138|1376|PCB-138;2,2',3,4,4',5'-hexachloorbifenyl
pcb_153|PCB 153|pcb|organisch|35065-27-1|PCB153|1377|PCB-153;2,2',4,4',5,5'-hexachloorbifenyl
pcb_180|PCB 180|pcb|organisch|35065-29-3|PCB180|1380|PCB-180;2,2',3,4,4',5,5'-heptachloorbifenyl
pcb_som7|PCB’s (som 7)|pcb|organisch||sPCB7|1365|PCB (som 7);PCB's (som 7);PCB som 7;som PCB;som PCB (7);som 7 PCB;som 7 PCB's;PCB-7;PCB 7;pcb7;polychloorbifenylen (som 7);som 7 polychloorbifenylen;som 7 polychloorbifenylen PCB28, 52, 101, 118, 138, 153, 180
mclan_som|monochlooranilinen (som)|overig_chloor|organisch||sMClAn*||monochlooranilinen;som monochlooranilinen;som monochlooraniline-isomeren
mclan_2|2-chlooraniline|overig_chloor|organisch|95-51-2|2ClAn|145|
mclan_3|3-chlooraniline|overig_chloor|organisch|108-42-9|3ClAn|197|
mclan_4|4-chlooraniline|overig_chloor|organisch|106-47-8|4ClAn|228|
pentachlooraniline|pentachlooraniline|overig_chloor|organisch|527-20-8|PeClAn|1385|
dioxine_teq|dioxine (som TEQ)|dioxine|organisch||sDOxns29|2160|dioxinen (som TEQ);dioxine (TEQ);dioxinen (TEQ);som dioxinen (TEQ);dioxine TEQ;dioxinen TEQ;som TEQ dioxinen;WHO-TEQ dioxinen
chloornaftaleen_som|chloornaftaleen (som)|overig_chloor|organisch||s12ClNaf|491|chloornaftalenen (som);chloornaftaleen;som chloornaftalenen;som 1- en 2-chloornaftaleen
cln_1|α-chloornaftaleen|overig_chloor|organisch|90-13-1|1ClNaf|62|1-chloornaftaleen;alfa-chloornaftaleen
cln_2|β-chloornaftaleen|overig_chloor|organisch|91-58-7|2ClNaf|147|2-chloornaftaleen;beta-chloornaftaleen
tcdd_2378|2,3,7,8-TCDD|dioxine|organisch|1746-01-6|PCDD48|90|2,3,7,8-tetrachloordibenzo-p-dioxine
pecdd_12378|1,2,3,7,8-PeCDD|dioxine|organisch|40321-76-4|PCDD54|24|1,2,3,7,8-pentachloordibenzo-p-dioxine
hxcdd_123678|1,2,3,6,7,8-HxCDD|dioxine|organisch|57653-85-7|PCDD67|20|1,2,3,6,7,8-hexachloordibenzo-p-dioxine
hxcdd_123789|1,2,3,7,8,9-HxCDD|dioxine|organisch|19408-74-3|PCDD70|22|1,2,3,7,8,9-hexachloordibenzo-p-dioxine
hxcdd_123478|1,2,3,4,7,8-HxCDD|dioxine|organisch|39227-28-6|PCDD66|14|1,2,3,4,7,8-hexachloordibenzo-p-dioxine
hpcdd_1234678|1,2,3,4,6,7,8-HpCDD|dioxine|organisch|35822-46-9|PCDD73|11|1,2,3,4,6,7,8-heptachloordibenzo-p-dioxine
ocdd|1,2,3,4,6,7,8,9-OCDD|dioxine|organisch|3268-87-9|PCDD75|1289|OCDD;1,2,3,4,6,7,8,9-octachloordibenzo-p-dioxine
tcdf_2378|2,3,7,8-TCDF|dioxine|organisch|51207-31-9|PCDF83*||2,3,7,8-tetrachloordibenzofuraan
pecdf_12378|1,2,3,7,8-PeCDF|dioxine|organisch|57117-41-6|PCDF94|25|1,2,3,7,8-pentachloordibenzofuraan
pecdf_23478|2,3,4,7,8-PeCDF|dioxine|organisch|57117-31-4|PCDF114|81|2,3,4,7,8-pentachloordibenzofuraan
hxcdf_123678|1,2,3,6,7,8-HxCDF|dioxine|organisch|57117-44-9|PCDF121|21|1,2,3,6,7,8-hexachloordibenzofuraan
hxcdf_123789|1,2,3,7,8,9-HxCDF|dioxine|organisch|72918-21-9|PCDF124|23|1,2,3,7,8,9-hexachloordibenzofuraan
hxcdf_123478|1,2,3,4,7,8-HxCDF|dioxine|organisch|70648-26-9|PCDF118|15|1,2,3,4,7,8-hexachloordibenzofuraan
hxcdf_234678|2,3,4,6,7,8-HxCDF|dioxine|organisch|60851-34-5|PCDF130|79|2,3,4,6,7,8-hexachloordibenzofuraan
hpcdf_1234678|1,2,3,4,6,7,8-HpCDF|dioxine|organisch|67562-39-4|PCDF131|12|1,2,3,4,6,7,8-heptachloordibenzofuraan
hpcdf_1234789|1,2,3,4,7,8,9-HpCDF|dioxine|organisch|55673-89-7|PCDF134|13|1,2,3,4,7,8,9-heptachloordibenzofuraan
ocdf|1,2,3,4,6,7,8,9-OCDF|dioxine|organisch|39001-02-0|PCDF135|1290|OCDF;1,2,3,4,6,7,8,9-octachloordibenzofuraan
pcb_77|PCB 77|dioxine|organisch|32598-13-3|PCB77*||PCB-77
pcb_81|PCB 81|dioxine|organisch|70362-50-4|PCB81*||PCB-81
pcb_105|PCB 105|dioxine|organisch|32598-14-4|PCB105|1373|PCB-105
pcb_114|PCB 114|dioxine|organisch|74472-37-0|PCB114*||PCB-114
pcb_123|PCB 123|dioxine|organisch|65510-44-3|PCB123*||PCB-123
pcb_126|PCB 126|dioxine|organisch|57465-28-8|PCB126*||PCB-126
pcb_156|PCB 156|dioxine|organisch|38380-08-4|PCB156|1378|PCB-156
pcb_157|PCB 157|dioxine|organisch|69782-90-7|PCB157*||PCB-157
pcb_167|PCB 167|dioxine|organisch|52663-72-6|PCB167*||PCB-167
pcb_169|PCB 169|dioxine|organisch|32774-16-6|PCB169*||PCB-169
pcb_189|PCB 189|dioxine|organisch|39635-31-9|PCB189*||PCB-189
chloordaan_som|chloordaan (som)|bestrijdingsmiddel|organisch||sCldn|480|chloordaan;som chloordaan;som chloordaan (som cis- en trans-)
chloordaan_cis|cis-chloordaan|bestrijdingsmiddel|organisch|5103-71-9|cCldn|522|
chloordaan_trans|trans-chloordaan|bestrijdingsmiddel|organisch|5103-74-2|tCldn|1580|
ddt_som|DDT (som)|bestrijdingsmiddel|organisch||sDDT|554|DDT;som DDT;som 2,4'- en 4,4'-DDT
ddt_24|2,4-DDT|bestrijdingsmiddel|organisch|789-02-6|24DDT|113|o,p'-DDT;op-DDT;opDDT;2,4'-DDT;2,4'-dichloordifenyltrichloorethaan
ddt_44|4,4-DDT|bestrijdingsmiddel|organisch|50-29-3|44DDT|217|p,p'-DDT;pp-DDT;ppDDT;4,4'-DDT;4,4'-dichloordifenyltrichloorethaan
dde_som|DDE (som)|bestrijdingsmiddel|organisch||sDDE|553|DDE;som DDE;som 2,4'- en 4,4'-DDE
dde_24|2,4-DDE|bestrijdingsmiddel|organisch|3424-82-6|24DDE|112|o,p'-DDE;op-DDE;opDDE;2,4'-DDE;2,4'-dichloordifenyldichlooretheen
dde_44|4,4-DDE|bestrijdingsmiddel|organisch|72-55-9|44DDE|216|p,p'-DDE;pp-DDE;ppDDE;4,4'-DDE;4,4'-dichloordifenyldichlooretheen
ddd_som|DDD (som)|bestrijdingsmiddel|organisch||sDDD|552|DDD;som DDD;som 2,4'- en 4,4'-DDD
ddd_24|2,4-DDD|bestrijdingsmiddel|organisch|53-19-0|24DDD|111|o,p'-DDD;op-DDD;opDDD;2,4'-DDD;2,4'-dichloordifenyldichloorethaan
ddd_44|4,4-DDD|bestrijdingsmiddel|organisch|72-54-8|44DDD|215|p,p'-DDD;pp-DDD;ppDDD;4,4'-DDD;4,4'-dichloordifenyldichloorethaan
ddx_som|DDT/DDE/DDD (som)|bestrijdingsmiddel|organisch||sDDX6|555|som DDT/DDE/DDD;DDT/DDD/DDE (som);som DDX
aldrin|aldrin|bestrijdingsmiddel|organisch|309-00-2|aldn|268|
dieldrin|dieldrin|bestrijdingsmiddel|organisch|60-57-1|dieldn|633|
endrin|endrin|bestrijdingsmiddel|organisch|72-20-8|endn|704|
isodrin|isodrin|bestrijdingsmiddel|organisch|465-73-6|idn|907|
telodrin|telodrin|bestrijdingsmiddel|organisch|297-78-9|teldn|1521|
drins_som|drins (som)|bestrijdingsmiddel|organisch||sdrin3|689|drins;som drins;som aldrin, dieldrin en endrin
endosulfansulfaat|endosulfansulfaat|bestrijdingsmiddel|organisch|1031-07-8|endsfSO4|703|
alfa_endosulfan|α-endosulfan|bestrijdingsmiddel|organisch|959-98-8|aedsfn|269|a-endosulfan;endosulfan (alfa)
hch_alfa|α-HCH|bestrijdingsmiddel|organisch|319-84-6|aHCH|271|a-HCH;alfa-hexachloorcyclohexaan;α-hexachloorcyclohexaan (α-HCH)
hch_beta|β-HCH|bestrijdingsmiddel|organisch|319-85-7|bHCH|366|b-HCH;beta-hexachloorcyclohexaan;β-hexachloorcyclohexaan (β-HCH)
hch_gamma|γ-HCH (lindaan)|bestrijdingsmiddel|organisch|58-89-9|cHCH|816|c-HCH;g-HCH;lindaan;gamma-HCH;gamma-hexachloorcyclohexaan (lindaan);γ-hexachloorcyclohexaan (γ-HCH)
hch_delta|δ-HCH|bestrijdingsmiddel|organisch|319-86-8|dHCH|562|d-HCH;delta-hexachloorcyclohexaan;δ-hexachloorcyclohexaan (δ-HCH)
hch_som|HCH-verbindingen (som)|bestrijdingsmiddel|organisch||sHCH4|849|HCH-verbindingen;som HCH;HCH (som);som a-, b-, c- en d-HCH
heptachloor|heptachloor|bestrijdingsmiddel|organisch|76-44-8|HpCl|853|
hpe_som|heptachloorepoxide (som)|bestrijdingsmiddel|organisch||sHpClepO|857|heptachloorepoxide;som heptachloorepoxide;som heptachloorepoxide (som cis- en trans-)
hpe_cis|cis-heptachloorepoxide|bestrijdingsmiddel|organisch|1024-57-3|cHpClepO|272|
hpe_trans|trans-heptachloorepoxide|bestrijdingsmiddel|organisch|28044-83-9|tHpClepO|1581|
hexachloorbutadieen|hexachloorbutadieen|bestrijdingsmiddel|organisch|87-68-3|HxClbtDen*||HCBD
ocb_som|organochloorhoudende bestrijdingsmiddelen (som)|bestrijdingsmiddel|organisch||sOCB21*||OCB (som);som OCB;organochloorhoudende bestrijdingsmiddelen;organochloorhoudende bestrijdingsmiddelen (som landbodem);organochloorhoudende bestrijdingsmiddelen (som waterbodem);sOCB23
azinfos_methyl|azinfos-methyl|bestrijdingsmiddel|organisch|86-50-0|C1yazfs|328|methylazinfos;azinphos-methyl
organotin_som|organotin verbindingen (som)|bestrijdingsmiddel|organisch||sorgSn2*||organotinverbindingen (som);organotin (som);som organotin;organotin verbindingen
tbt|tributyltin (TBT)|bestrijdingsmiddel|organisch|688-73-3|TC4ySn|1712|tributyltin;TBT;tributyltin (kation);tributyltin-kation;36643-28-4
trifenyltin|trifenyltin|bestrijdingsmiddel|organisch|668-34-8|TFySn|1610|trifenyltin (kation);TPT;892-20-6
mcpa|MCPA|bestrijdingsmiddel|organisch|94-74-6|MCPA|225|2-methyl-4-chloorfenoxyazijnzuur
atrazine|atrazine|bestrijdingsmiddel|organisch|1912-24-9|atzne|325|
carbaryl|carbaryl|bestrijdingsmiddel|organisch|63-25-2|carbrl|458|
carbofuran|carbofuran|bestrijdingsmiddel|organisch|1563-66-2|carbfrn|462|
cmf_som|4-chloormethylfenolen (som)|bestrijdingsmiddel|organisch||s4ClC1yFol*||4-chloormethylfenolen;som 4-chloormethylfenolen;som 4-chloormethylfenol-isomeren
cmf_4c3m|4-chloor-3-methylfenol|bestrijdingsmiddel|organisch|59-50-7|4Cl3C1yFol|227|
cmf_4c2m|4-chloor-2-methylfenol|bestrijdingsmiddel|organisch|1570-64-5|4Cl2C1yFol|224|
onop_som|organostikstof- en organofosforbestrijdingsmiddelen (som)|bestrijdingsmiddel|organisch||sOPBONB14*||organostikstof- en organofosforbestrijdingsmiddelen;som 14 organofosfor- en organostikstofbestrijdingsmiddelen
propazine|propazine|bestrijdingsmiddel|organisch|139-40-2|propzne|1427|
simazine|simazine|bestrijdingsmiddel|organisch|122-34-9|simzne|1480|
terbutryn|terbutryn|bestrijdingsmiddel|organisch|886-50-0|terbtn|1524|terbutrin
bromofos_ethyl|bromofos-ethyl|bestrijdingsmiddel|organisch|4824-78-6|C2yBrfs|392|ethylbromofos
bromofos_methyl|bromofos-methyl|bestrijdingsmiddel|organisch|2104-96-3|C1yBrfs|393|methylbromofos
chloorpyrifos_ethyl|chloorpyrifos-ethyl|bestrijdingsmiddel|organisch|2921-88-2|C2yClprfs|494|ethylchloorpyrifos;chloorpyrifos
dichloorvos|dichloorvos|bestrijdingsmiddel|organisch|62-73-7|DClvs|624|
disulfoton|disulfoton|bestrijdingsmiddel|organisch|298-04-4|Dsftn|680|
fenthion|fenthion|bestrijdingsmiddel|organisch|55-38-9|fenton|760|
malathion|malathion|bestrijdingsmiddel|organisch|121-75-5|malton|1127|
parathion_ethyl|parathion-ethyl|bestrijdingsmiddel|organisch|56-38-2|C2yprton|738|ethylparathion
parathion_methyl|parathion-methyl|bestrijdingsmiddel|organisch|298-00-0|C1yprton|1179|methylparathion
asbest|asbest|overig|overige|1332-21-4|asbt|313|asbest (gewogen);gewogen asbest;asbest gewogen;som gewogen asbest;asbestos
chrysotiel|chrysotiel (witte asbest)|overig|overige|12001-29-5|chrystl|314|chrysotiel;serpentijn
actinoliet|actinoliet (groene asbest)|overig|overige|77536-66-4|actnlt|256|actinoliet
amosiet|amosiet (bruine asbest)|overig|overige|12172-73-5|amst|312|amosiet;gruneriet
anthofylliet|anthofylliet (gele asbest)|overig|overige|77536-67-5|antplt|298|anthofylliet;anthophylliet
crocidoliet|crocidoliet (blauwe asbest)|overig|overige|12001-28-4|crocdlt|311|crocidoliet
tremoliet|tremoliet (grijze asbest)|overig|overige|77536-68-6|tremlt|1583|tremoliet
amfibool|amfibool-asbest|overig|overige||||amfibool;amfibolen;amfibool asbest;amfiboolasbest
cyclohexanon|cyclohexanon|overig|organisch|108-94-1|cycC6on|542|
dimethylftalaat|dimethyl ftalaat|overig|organisch|131-11-3|DC1yFt|661|dimethylftalaat
diethylftalaat|diethyl ftalaat|overig|organisch|84-66-2|DC2yFt|642|diethylftalaat
diisobutylftalaat|di-isobutylftalaat|overig|organisch|84-69-5|DiC4yFt|577|diisobutylftalaat
dibutylftalaat|dibutyl ftalaat|overig|organisch|84-74-2|DC4yFt|600|dibutylftalaat;di-n-butylftalaat
butylbenzylftalaat|butyl benzylftalaat|overig|organisch|85-68-7|benzC4yFt|361|butylbenzylftalaat;benzylbutylftalaat
dihexylftalaat|dihexyl ftalaat|overig|organisch|84-75-3|DC6yFt|650|dihexylftalaat
dehp|di(2-ethylhexyl)ftalaat|overig|organisch|117-81-7|DEHP|382|DEHP;bis(2-ethylhexyl)ftalaat;bis(2-ethylhexyl)ftalaat (DEHP)
ftalaten_som|ftalaten (som)|overig|organisch||sftalt7|808|ftalaten;som ftalaten;som 7 ftalaten
minerale_olie|minerale olie|overig|organisch|8042-47-5|minrlole|1200|minerale olie (C10-C40);minerale olie C10-C40;minerale olie (C10 - C40);totaal olie C10-C40;olie (C10-C40);olie C10-C40;minerale olie totaal;mineral oil
pyridine|pyridine|overig|organisch|110-86-1|pyrdne|1451|
tetrahydrofuran|tetrahydrofuran|overig|organisch|109-99-9|T4Hfrn|1544|tetrahydrofuraan
tetrahydrothiofeen|tetrahydrothiofeen|overig|organisch|110-01-0|T4Htofn|1546|
bromoform|tribroommethaan (bromoform)|overig|organisch|75-25-2|TBrC1a|1590|tribroommethaan;bromoform
ethyleenglycol|ethyleenglycol|overig|organisch|107-21-1|glycl|732|glycol;monoethyleenglycol;glycol (monoethyleenglycol)
diethyleenglycol|diethyleenglycol|overig|organisch|111-46-6|DC2yegcl|639|
acrylonitril|acrylonitril|overig|organisch|107-13-1|aclntl|254|
formaldehyde|formaldehyde|overig|organisch|50-00-0|C1al|785|methanal;methanal (formaldehyde)
isopropanol|isopropanol (2-propanol)|overig|organisch|67-63-0|2C3ol|174|isopropanol;2-propanol
methanol|methanol|overig|organisch|67-56-1|C1ol|1154|
butanol|butanol (1-butanol)|overig|organisch|71-36-3|C4ol*||butanol;1-butanol;n-butanol
butylacetaat|butylacetaat|overig|organisch|123-86-4|C4yactt*||n-butylacetaat
ethylacetaat|ethylacetaat|overig|organisch|141-78-6|C2yactt|725|
mtbe|methyl-tert-butyl ether (MTBE)|overig|organisch|1634-04-4|C1yttC4yEtr|1163|MTBE;methyl-tertiair-butylether;methyl tert-butyl ether
mek|methylethylketon|overig|organisch|78-93-3|2C4on|1171|MEK;2-butanon;2-butanon (MEK);butanon
lutum|lutum|bodemeigenschap|geen||||lutum (<2 µm);lutum (< 2 µm);lutum <2 µm;lutumgehalte;korrelgrootte < 2 µm;korrelgroottefractie < 2 µm;fractie < 2 µm;fractie <2um;deeltjes < 2 µm;clay;korrelgrootte < 2 µm, gravimetrisch;klei (< 2 µm);klei <2 µm
organische_stof|organische stof|bodemeigenschap|geen||OSTOF|1319|organisch stof;organische stof (gloeiverlies);organisch stof (gloeiverlies);gloeiverlies;GV;humus;humusgehalte;organische stofgehalte;OS;organic matter
organische_koolstof|organische koolstof|bodemeigenschap|geen||Corg|1318|koolstof organisch;organisch koolstof;TOC;totaal organische koolstof
droge_stof|droge stof|info|geen||DS|692|drogestof;droge stof gehalte;drooggewicht
gloeirest|gloeirest|info|geen||||gloeirest (550 °C);asrest
ph|pH (zuurgraad)|info|geen||pH|1398|zuurgraad;pH-KCl;pH KCl;pH-H2O
dclan_23|2,3-dichlooraniline|info|geen|608-27-5|23DClAn|93|
dclan_24|2,4-dichlooraniline|info|geen|554-00-7|24DClAn|114|
dclan_25|2,5-dichlooraniline|info|geen|95-82-9|25DClAn|126|
dclan_26|2,6-dichlooraniline|info|geen|608-31-1|26DClAn|134|
dclan_34|3,4-dichlooraniline|info|geen|95-76-1|34DClAn|178|
dclan_35|3,5-dichlooraniline|info|geen|626-43-7|35DClAn|185|
dclan_som|dichlooranilinen (som)|info|geen||sDClAn|2094|som dichlooraniline-isomeren;dichlooranilinen
tclan_234|2,3,4-trichlooraniline|info|geen|634-67-3|234TClAn|82|
tclan_235|2,3,5-trichlooraniline|info|geen|18487-39-3|235TClAn|2886|
tclan_245|2,4,5-trichlooraniline|info|geen|636-30-6|245TClAn|100|
tclan_246|2,4,6-trichlooraniline|info|geen|634-93-5|246TClAn|104|
tclan_345|3,4,5-trichlooraniline|info|geen|634-91-3|345TClAn|176|
tclan_som|trichlooranilinen (som)|info|geen||sTClAn|1593|som trichlooraniline-isomeren;trichlooranilinen
t4clan_2345|2,3,4,5-tetrachlooraniline|info|geen|634-83-3|2345T4ClAn|2882|
t4clan_2356|2,3,5,6-tetrachlooraniline|info|geen|3481-20-7|2356T4ClAn|2885|
t4clan_som|tetrachlooranilinen (som)|info|geen||sT4ClAn|2577|som tetrachlooraniline-isomeren;tetrachlooranilinen
pcb_som6|som 6 PCB's (zonder PCB 118)|info|geen||sPCB6|1713|som 6 polychloorbifenylen
drins_som5|som aldrin, dieldrin, endrin, isodrin en telodrin|info|geen||sdrin5|690|
dclc2e_som|som dichlooretheen-isomeren|info|geen||sDClC2e|519|
minerale_olie_fractie|minerale olie, koolwaterstoffractie (niet C10-C40)|info|geen||||
"""

# The regulations print some CAS numbers wrongly; files copied from them carry the same errors.
MISPRINTED_CAS = {
    "aldrin": [
        "390-00-2"
    ],  # Bbk bijlage 1 and Rbk Bijlage N (landbodem OCB list); correct 309-00-2
    "hpe_trans": ["280044-83-9"],  # Rbk Bijlage N (landbodem OCB list); correct 28044-83-9
    "hpe_cis": ["1024-5703"],  # Bbk bijlage 1 (swapped with trans); correct 1024-57-3
    "kobalt": ["7440-48-2"],  # Bbk bijlage 1; correct 7440-48-4
    "zink": ["7440-66-5"],  # Bbk bijlage 1; correct 7440-66-6
}

# Norm table row name (dossier transcription) -> substance id.
NORM_ROW = {
    "antimoon (Sb)": "antimoon", "arseen (As)": "arseen", "barium (Ba)": "barium",
    "Barium (Ba)": "barium", "cadmium (Cd)": "cadmium", "chroom (Cr)": "chroom",
    "kobalt (Co)": "kobalt", "koper (Cu)": "koper", "kwik (Hg)": "kwik", "lood (Pb)": "lood",
    "molybdeen (Mo)": "molybdeen", "nikkel (Ni)": "nikkel", "tin (Sn)": "tin",
    "vanadium (V)": "vanadium", "zink (Zn)": "zink", "chloride": "chloride",
    "cyanide (vrij)": "cyanide_vrij", "cyanide (complex)": "cyanide_complex",
    "cyanide-complex": "cyanide_complex", "thiocyanaten": "thiocyanaten", "benzeen": "benzeen",
    "ethylbenzeen": "ethylbenzeen", "tolueen": "tolueen", "xylenen (som)": "xylenen_som",
    "styreen (vinylbenzeen)": "styreen", "fenol": "fenol", "cresolen (som)": "cresolen_som",
    "dodecylbenzeen": "dodecylbenzeen",
    "aromatische oplosmiddelen (som)": "aromatische_oplosmiddelen_som",
    "naftaleen": "naftaleen", "fenantreen": "fenantreen", "antraceen": "antraceen",
    "fluorantheen": "fluorantheen", "chryseen": "chryseen",
    "benzo(a)antraceen": "benzo_a_antraceen", "benzo(a)pyreen": "benzo_a_pyreen",
    "benzo(k)fluorantheen": "benzo_k_fluorantheen",
    "indeno(1,2,3cd)pyreen": "indeno_123cd_pyreen", "benzo(ghi)peryleen": "benzo_ghi_peryleen",
    "PAK’s totaal (som 10)": "pak_som10", "monochlooretheen (vinylchloride)": "vinylchloride",
    "dichloormethaan": "dichloormethaan", "1,1-dichloorethaan": "dca_11",
    "1,2-dichloorethaan": "dca_12", "1,1-dichlooretheen": "dce_11",
    "1,2-dichlooretheen (som)": "dce_12_som", "dichloorpropanen (som)": "dichloorpropanen_som",
    "trichloormethaan (chloroform)": "chloroform", "1,1,1-trichloorethaan": "tca_111",
    "1,1,2-trichloorethaan": "tca_112", "trichlooretheen (Tri)": "tri",
    "tetrachloormethaan (Tetra)": "tetra", "tetrachlooretheen (Per)": "per",
    "monochloorbenzeen": "monochloorbenzeen", "dichloorbenzenen (som)": "dcb_som",
    "trichloorbenzenen (som)": "tcb_som", "tetrachloorbenzenen (som)": "tecb_som",
    "pentachloorbenzeen": "pentachloorbenzeen", "hexachloorbenzeen": "hexachloorbenzeen",
    "chloorbenzenen (som)": "chloorbenzenen_som", "monochloorfenolen (som)": "mclfol_som",
    "dichloorfenolen (som)": "dclfol_som", "trichloorfenolen (som)": "tclfol_som",
    "tetrachloorfenolen (som)": "teclfol_som", "pentachloorfenol": "pentachloorfenol",
    "chloorfenolen (som)": "chloorfenolen_som", "PCB 28": "pcb_28", "PCB 52": "pcb_52",
    "PCB 101": "pcb_101", "PCB 118": "pcb_118", "PCB 138": "pcb_138", "PCB 153": "pcb_153",
    "PCB 180": "pcb_180", "PCB’s (som 7)": "pcb_som7", "monochlooranilinen (som)": "mclan_som",
    "pentachlooraniline": "pentachlooraniline", "dioxine (som TEQ)": "dioxine_teq",
    "chloornaftaleen (som)": "chloornaftaleen_som", "chloordaan (som)": "chloordaan_som",
    "DDT (som)": "ddt_som", "DDE (som)": "dde_som", "DDD (som)": "ddd_som",
    "DDT/DDE/DDD (som)": "ddx_som", "aldrin": "aldrin", "dieldrin": "dieldrin",
    "endrin": "endrin", "isodrin": "isodrin", "telodrin": "telodrin", "drins (som)": "drins_som",
    "endosulfansulfaat": "endosulfansulfaat", "α-endosulfan": "alfa_endosulfan",
    "α-HCH": "hch_alfa", "β-HCH": "hch_beta", "γ-HCH (lindaan)": "hch_gamma",
    "δ-HCH": "hch_delta", "HCH-verbindingen (som)": "hch_som", "heptachloor": "heptachloor",
    "heptachloorepoxide (som)": "hpe_som", "hexachloorbutadieen": "hexachloorbutadieen",
    "organochloorhoudende bestrijdingsmiddelen (som landbodem)": "ocb_som",
    "organochloorhoudende bestrijdingsmiddelen (som waterbodem)": "ocb_som",
    "azinfos-methyl": "azinfos_methyl", "organotin verbindingen (som)": "organotin_som",
    "tributyltin (TBT)": "tbt", "MCPA": "mcpa", "atrazine": "atrazine", "carbaryl": "carbaryl",
    "carbofuran": "carbofuran", "4-chloormethylfenolen (som)": "cmf_som",
    "organostikstof- en organofosforbestrijdingsmiddelen (som)": "onop_som",
    "asbest": "asbest", "cyclohexanon": "cyclohexanon", "dimethyl ftalaat": "dimethylftalaat",
    "diethyl ftalaat": "diethylftalaat", "di-isobutylftalaat": "diisobutylftalaat",
    "dibutyl ftalaat": "dibutylftalaat", "butyl benzylftalaat": "butylbenzylftalaat",
    "dihexyl ftalaat": "dihexylftalaat", "di(2-ethylhexyl)ftalaat": "dehp",
    "minerale olie": "minerale_olie", "pyridine": "pyridine", "tetrahydrofuran": "tetrahydrofuran",
    "tetrahydrothiofeen": "tetrahydrothiofeen", "tribroommethaan (bromoform)": "bromoform",
    "ethyleenglycol": "ethyleenglycol", "diethyleenglycol": "diethyleenglycol",
    "acrylonitril": "acrylonitril", "formaldehyde": "formaldehyde",
    "isopropanol (2-propanol)": "isopropanol", "methanol": "methanol",
    "butanol (1-butanol)": "butanol", "butylacetaat": "butylacetaat",
    "ethylacetaat": "ethylacetaat", "methyl-tert-butyl ether (MTBE)": "mtbe",
    "methylethylketon": "mek", "ftalaten (som)": "ftalaten_som",
}  # fmt: skip

# Reporting limit table (Bijlage G IV tabel 1) row name -> substance ids it applies to.
RG_ROW = {
    "antimoon": ["antimoon"], "Arseen": ["arseen"], "barium": ["barium"],
    "beryllium": ["beryllium"], "cadmium": ["cadmium"], "chroom": ["chroom"],
    "kobalt": ["kobalt"], "koper": ["koper"], "kwik": ["kwik"], "lood": ["lood"],
    "molybdeen": ["molybdeen"], "nikkel": ["nikkel"], "seleen": ["seleen"],
    "thallium": ["thallium"], "tin": ["tin"], "vanadium": ["vanadium"], "zink": ["zink"],
    "chloride": ["chloride"], "CN vrij": ["cyanide_vrij"], "CN totaal": ["cyanide_totaal"],
    "benzeen": ["benzeen"], "ethylbenzeen": ["ethylbenzeen"], "tolueen": ["tolueen"],
    "o-xyleen": ["o_xyleen"], "m-xyleen": ["m_xyleen", "p_xyleen", "mp_xyleen"],
    "styreen": ["styreen"], "1,2,3-trimethylbenzeen": ["tmb_123"],
    "1,2,4-trimethylbenzeen": ["tmb_124"], "1,3,5-trimethylbenzeen": ["tmb_135"],
    "2-ethyltolueen": ["ethyltolueen_2"], "3-ethyltolueen": ["ethyltolueen_3"],
    "4-ethyltolueen": ["ethyltolueen_4"], "isopropylbenzeen": ["isopropylbenzeen"],
    "propylbenzeen": ["propylbenzeen"], "naftaleen": ["naftaleen"],
    "fenantreen": ["fenantreen"], "antraceen": ["antraceen"], "fluoranteen": ["fluorantheen"],
    "chryseen": ["chryseen"], "benz(a)antraceen": ["benzo_a_antraceen"],
    "benz(a)pyreen": ["benzo_a_pyreen"], "benz(k)fluoranteen": ["benzo_k_fluorantheen"],
    "indeno(123cd)pyreen": ["indeno_123cd_pyreen"], "benz(ghi)peryleen": ["benzo_ghi_peryleen"],
    "monochlooretheen( vinylchloride )": ["vinylchloride"],
    "dichloormethaan": ["dichloormethaan"], "1,1-dichloorethaan": ["dca_11"],
    "1,2-dichloorethaan": ["dca_12"], "1,1-dichlooretheen": ["dce_11"],
    "cis 1,2-dichlooretheen": ["dce_12_cis"], "trans 1,2-dichlooretheen": ["dce_12_trans"],
    "1,1-dichloorpropaan": ["dcpa_11"], "1,2-dichloorpropaan": ["dcpa_12"],
    "1,3-dichloorpropaan": ["dcpa_13"], "trichloormethaan( chloroform)": ["chloroform"],
    "1,1,1-trichloorethaan": ["tca_111"], "1,1,2-trichloorethaan": ["tca_112"],
    "trichlooretheen(Tri)": ["tri"], "tetrachloormethaan(Tetra)": ["tetra"],
    "tetrachlooretheen (Per)": ["per"], "monochloorbenzeen": ["monochloorbenzeen"],
    "1,2-dichloorbenzeen": ["dcb_12"], "1,3-dichloorbenzeen": ["dcb_13"],
    "1,4-dichloorbenzeen": ["dcb_14"], "1,2,3-trichloorbenzeen": ["tcb_123"],
    "1,2,4-trichloorbenzeen": ["tcb_124"], "1,3,5-trichloorbenzeen": ["tcb_135"],
    "1,2,3,4-tetrachloorbenzeen": ["tecb_1234"],
    "1,2,3,5-tetrachloorbenzeen": ["tecb_1235", "tecb_1245"],
    "pentachloorbenzeen": ["pentachloorbenzeen"], "hexachloorbenzeen": ["hexachloorbenzeen"],
    "pentachloorfenol": ["pentachloorfenol"], "PCB 28": ["pcb_28"], "PCB 52": ["pcb_52"],
    "PCB101": ["pcb_101"], "PCB 118": ["pcb_118"], "PCB138": ["pcb_138"],
    "PCB153": ["pcb_153"], "PCB 180": ["pcb_180"], "cis-chloordaan": ["chloordaan_cis"],
    "trans-chloordaan": ["chloordaan_trans"], "opDDT": ["ddt_24"], "ppDDT": ["ddt_44"],
    "opDDE": ["dde_24"], "ppDDE": ["dde_44"], "opDDD": ["ddd_24"], "ppDDD": ["ddd_44"],
    "aldrin": ["aldrin"], "dieldrin": ["dieldrin"], "endrin": ["endrin"],
    "isodrin": ["isodrin"], "telodrin": ["telodrin"], "endosulfansulfaat": ["endosulfansulfaat"],
    "α-endosulfan": ["alfa_endosulfan"], "α-HCH": ["hch_alfa"], "β-HCH": ["hch_beta"],
    "γ-HCH": ["hch_gamma"], "δ-HCH": ["hch_delta"], "heptachloor": ["heptachloor"],
    "cis-heptachloorepoxide": ["hpe_cis"], "trans-heptachloorepoxide": ["hpe_trans"],
    "hexachloorbutadieen": ["hexachloorbutadieen"], "tributyltin": ["tbt"],
    "trifenyltin": ["trifenyltin"], "min olie": ["minerale_olie"], "MTBE": ["mtbe"],
    "tribroommethaan": ["bromoform"],
}  # fmt: skip
RG_UNIT_TO_MG = {"mg/kg ds": 1.0, "µg/kg ds": 1e-3, "µg Sn/kg ds": 1e-3}

# Bijlage N sum name -> (sum id, frame or "" for both).
SUM_TARGET = {
    "xylenen": ("xylenen_som", ""), "cresolen": ("cresolen_som", ""),
    "1,2-dichlooretheen": ("dce_12_som", ""), "dichloorpropanen": ("dichloorpropanen_som", ""),
    "dichloorbenzenen": ("dcb_som", ""), "trichloorbenzenen": ("tcb_som", ""),
    "tetrachloorbenzenen": ("tecb_som", ""), "chloorbenzenen": ("chloorbenzenen_som", ""),
    "aromatische oplosmiddelen": ("aromatische_oplosmiddelen_som", ""),
    "som-PAK": ("pak_som10", ""), "4-chloormethylfenolen": ("cmf_som", ""),
    "monochloorfenolen": ("mclfol_som", ""), "dichloorfenolen": ("dclfol_som", ""),
    "trichloorfenolen": ("tclfol_som", ""), "tetrachloorfenolen": ("teclfol_som", ""),
    "chloorfenolen": ("chloorfenolen_som", ""), "chloordaan": ("chloordaan_som", ""),
    "DDT": ("ddt_som", ""), "DDE": ("dde_som", ""), "DDD": ("ddd_som", ""),
    "DDT/DDE/DDD": ("ddx_som", ""), "drins": ("drins_som", ""),
    "HCH-verbindingen": ("hch_som", ""), "heptachloorepoxide": ("hpe_som", ""),
    "polychloorbiphenylen": ("pcb_som7", ""), "monochlooranilinen": ("mclan_som", ""),
    "chloornaftaleen": ("chloornaftaleen_som", ""),
    "dioxines (som gekwantificeerd als TEQ)": ("dioxine_teq", ""),
    "organochloorhoudende bestrijdingsmiddelen (OCB’s) (landbodem)": ("ocb_som", "grond"),
    "organochloorhoudende bestrijdingsmiddelen (OCB’s) (waterbodem)": ("ocb_som", "waterbodem"),
    "organostikstof- en organofosforbestrijdingsmiddelen (som)": ("onop_som", ""),
    "organotin verbindingen": ("organotin_som", ""), "ftalaten": ("ftalaten_som", ""),
    "Serpentijn": ("asbest", ""), "Amfibool": ("asbest", ""),
}  # fmt: skip
# Asbestos is weighted: serpentine + 10 x amphibole (Rbk Bijlage B tabel 1 voetnoot 10).
SUM_FACTOR = {"Serpentijn": 1.0, "Amfibool": 10.0}
# Components a lab may report as a partial sum; they enter the sum like any component.
EXTRA_COMPONENTS = [
    ("xylenen_som", "mp_xyleen", 1.0, "", "lab-reported sum of meta- and para-xylene"),
    ("aromatische_oplosmiddelen_som", "mp_xyleen", 1.0, "", "lab-reported sum of meta- and para-xylene"),
    ("cresolen_som", "mp_cresol", 1.0, "", "lab-reported sum of meta- and para-cresol"),
    # The amphiboles, which a lab reports as one group (NEN 5897, NEN 5898): weighted 10 in
    # asbestos (Rbk Bijlage B tabel 1 voetnoot 10); the catalogue lets the group stand in.
    ("amfibool", "actinoliet", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 10 (amfibool)"),
    ("amfibool", "amosiet", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 10 (amfibool)"),
    ("amfibool", "anthofylliet", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 10 (amfibool)"),
    ("amfibool", "crocidoliet", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 10 (amfibool)"),
    ("amfibool", "tremoliet", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 10 (amfibool)"),
    # Complex cyanide = total cyanide - free cyanide (Rbk Bijlage B tabel 1 voetnoot 5).
    ("cyanide_complex", "cyanide_totaal", 1.0, "", "Rbk Bijlage B tabel 1 voetnoot 5"),
    ("cyanide_complex", "cyanide_vrij", -1.0, "", "Rbk Bijlage B tabel 1 voetnoot 5"),
]  # fmt: skip

# Rbk 2015 Bijlage B tabel 1 voetnoot 6 and tabel 2 voetnoot 7 (aromatische oplosmiddelen
# (som)): "Voor de componenten, die niet individueel zijn genormeerd, geldt per component een
# maximum gehalte van 0,45 mg/kg ds, zowel voor de Achtergrondwaarde als de Maximale waarden
# wonen en industrie" (statengeneraal/laws-markdown BWBR0023085, 2015-01-30). Written as a norm
# row per component, in each class column where the sum itself has a value; a component that
# is normed itself, or lies within a normed sum (the xylenes), is tested by that norm instead.
COMPONENT_MAXIMA = {"aromatische_oplosmiddelen_som": ("0.45", "aromatische oplosmiddelen (som)")}
COMPONENT_MAXIMUM_FLAG = "component_maximum"


def _component_maximum_rows(
    table: list[list[str]], sums: list[list[object]], frame: str, classes: range
) -> list[list[str]]:
    """Norm rows for the components of ``COMPONENT_MAXIMA`` that no norm of ``frame`` covers:
    not normed themselves and not within another sum that is."""
    normed = {str(row[0]) for row in table}
    parts: dict[str, set[str]] = {}
    for total, component, _, sum_frame, _ in sums:
        if sum_frame in ("", frame):
            parts.setdefault(str(total), set()).add(str(component))
    covered = normed.union(
        *(members for total, members in parts.items() if total in normed - COMPONENT_MAXIMA.keys())
    )
    table_number, footnote = ("1", "6") if frame == "grond" else ("2", "7")
    rows = []
    for total, (maximum, name) in COMPONENT_MAXIMA.items():
        sum_row = next(row for row in table if row[0] == total)
        width = len(sum_row)
        for component in sorted(parts[total] - covered):
            row = [component] + [""] * (width - 1)
            for column in classes:
                if sum_row[column] != "":
                    row[column] = maximum
            row[7] = "false"  # in_mspaf (land), zout_niet_prioritair (water)
            row[width - 4] = "false"  # aw_at_determination_limit
            row[width - 3] = footnote
            row[width - 2] = COMPONENT_MAXIMUM_FLAG
            row[width - 1] = (
                f"Bijlage B tabel {table_number} voetnoot {footnote} ({name}): niet individueel "
                f"genormeerde component, ten hoogste {maximum.replace('.', ',')} mg/kg ds"
            )
            rows.append(row)
    return rows


TEF_NAME = {
    "PCB77": "pcb_77", "PCB81": "pcb_81", "PCB105": "pcb_105", "PCB114": "pcb_114",
    "PCB118": "pcb_118", "PCB123": "pcb_123", "PCB126": "pcb_126", "PCB156": "pcb_156",
    "PCB157": "pcb_157", "PCB167": "pcb_167", "PCB169": "pcb_169", "PCB189": "pcb_189",
}  # fmt: skip


def _salt_by_area(row: dict[str, str]) -> tuple[str, str]:
    """The lowest and highest salt-water value of a substance whose value depends on the
    salt-water area ("0,25^13   0,115^14": tributyltin, Waddenzee and Zeeuwse Delta 0.25, the
    North Sea coast 0.115; tabel 2 voetnoot 13 en 14); empty for a single value."""
    values = [
        float(number.replace(",", "."))
        for number in re.findall(r"(\d+(?:,\d+)?)\^\d+", row["max_verspreiden_zout_raw"] or "")
    ]
    if row["max_verspreiden_zout"] or len(values) < 2:
        return "", ""
    return _number(str(min(values))), _number(str(max(values)))


def _number(text: str | None) -> str:
    """A number cell of the dossier (decimal point) as a plain decimal string, or empty."""
    if text is None:
        return ""
    value = text.strip()
    if not value or value.lower() in {"nvt", "--", "---", "–"}:
        return ""
    try:
        return repr(float(value)).removesuffix(".0") if float(value).is_integer() else value
    except ValueError:
        return ""


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(name: str, header: list[str], rows: Iterable[Sequence[object]]) -> None:
    with (OUT / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if cell is None else cell for cell in row])


#: Hydrocarbon fractions of mineral oil labs report besides the total C10-C40 the norm applies to
#: (SIKB0101 domain table 'Hoedanigheid' ids 82-128, as listed in kwalibo.assessments.readers).
FRACTIONS = (
    (6, 10), (8, 10), (10, 12), (10, 16), (10, 19), (10, 20), (12, 14), (12, 16), (12, 20),
    (12, 22), (14, 20), (16, 20), (16, 21), (16, 22), (20, 24), (20, 26), (20, 29), (20, 40),
    (21, 30), (22, 30), (24, 28), (26, 34), (28, 32), (30, 35), (30, 40), (32, 36), (34, 40),
    (35, 40), (36, 40), (19, 40), (21, 35), (35, 44),
)  # fmt: skip
FRACTION_SOURCE = (
    "SIKB0101 domeintabel Hoedanigheid (koolwaterstoffracties); the norm applies to C10-C40 only"
)


def _fraction_aliases() -> list[str]:
    aliases = []
    for low, high in FRACTIONS:
        for a in sorted({f"C{low}", f"C{low:02d}"}):
            label = f"{a}-C{high}"
            aliases += [
                f"minerale olie {label}",
                f"minerale olie fractie {label}",
                f"fractie {label}",
                f"koolwaterstoffractie {label}",
                label,
            ]
    return aliases


def _catalogue() -> list[list[str]]:
    entries = []
    for line in CATALOGUE.strip().splitlines():
        cells = line.split("|")
        if len(cells) != 8:
            raise SystemExit(f"catalogue line needs 8 cells: {line}")
        entries.append(cells)
    return entries


def main(data_dir: Path) -> None:
    catalogue = _catalogue()
    ids = {cells[0] for cells in catalogue}
    by_cas = {cells[4]: cells[0] for cells in catalogue if cells[4]}
    for cells in catalogue:
        for alias in cells[7].split(";"):
            if re.fullmatch(r"\d{2,7}-\d{2}-\d", alias):
                by_cas.setdefault(alias, cells[0])
    for substance, misprints in MISPRINTED_CAS.items():
        for cas in misprints:
            by_cas.setdefault(cas, substance)

    grond = _rows(data_dir / "normwaarden_grond.csv")
    bagger = _rows(data_dir / "normwaarden_bagger.csv")
    kinds: dict[str, str] = {}
    sums: list[list[object]] = []

    # --- sums -------------------------------------------------------------------------
    for row in _rows(data_dir / "somparameters.csv"):
        target = SUM_TARGET.get(row["somparameter"])
        if target is None:
            continue  # no norm row for this sum in either table (e.g. dichlooranilinen)
        sum_id, frame = target
        cas = row["cas_nummer"].strip()
        component = by_cas.get(cas)
        if component is None:
            raise SystemExit(f"no substance for component {row['component']} [{cas}]")
        factor = SUM_FACTOR.get(row["somparameter"], 1.0)
        if sum_id == "dioxine_teq":
            continue  # written from the TEF table below
        sums.append([sum_id, component, factor, frame, "Rbk 2015 Bijlage N"])
    for sum_id, component, factor, frame, source in EXTRA_COMPONENTS:
        sums.append([sum_id, component, factor, frame, source])
    tef_names = {cells[1]: cells[0] for cells in catalogue}
    for row in _rows(data_dir / "dioxine_tef.csv"):
        name = row["congeneer"]
        component = TEF_NAME.get(name) or tef_names.get(name)
        if component is None:
            raise SystemExit(f"no substance for TEF congener {name}")
        sums.append(
            [
                "dioxine_teq",
                component,
                float(row["TEF"]),
                "",
                "Rbk 2015 Bijlage B tabel 1 opmerking 3 (TEF)",
            ]
        )
    sum_ids = {str(row[0]) for row in sums}
    seen_pairs: set[tuple[str, str, str]] = set()
    unique_sums = []
    for entry in sums:
        pair = (str(entry[0]), str(entry[1]), str(entry[3]))
        if pair not in seen_pairs:
            seen_pairs.add(pair)
            unique_sums.append(entry)
    _write("sums.csv", ["sum", "component", "factor", "frame", "source"], unique_sums)

    # --- norms ------------------------------------------------------------------------
    land = []
    for row in grond:
        substance = NORM_ROW[row["stof"]]
        kinds[substance] = "norm"
        iw_type = row["interventiewaarde_type"] or ""
        land.append(
            [
                substance,
                _number(row["achtergrondwaarde"]),
                _number(row["max_wonen"]),
                _number(row["max_industrie"]),
                _number(row["interventiewaarde_grond"]),
                "INEV"
                if iw_type.startswith("INEV")
                else ("IW" if iw_type.startswith("interventie") else ""),
                _number(row["verspreiden_aangrenzend_perceel_max"]),
                "true" if row["verspreiden_aangrenzend_perceel_in_msPAF"] == "ja" else "false",
                _number(row["max_emissiewaarde_mg_kg_LS10"]),
                _number(row["emissietoetswaarde"]),
                "true" if row["aw_vlaggen"] else "false",
                row["stof_voetnoten"],
                row["max_industrie_vlaggen"] or "",
                row["raw_row_rbk"],
            ]
        )
    land += _component_maximum_rows(land, unique_sums, "grond", range(1, 4))
    _write(
        "norms_grond.csv",
        [
            "substance", "achtergrondwaarde", "wonen", "industrie", "interventiewaarde",
            "interventiewaarde_type", "aangrenzend_perceel_max", "in_mspaf",
            "max_emissie_ls10", "emissietoetswaarde",
            "aw_at_determination_limit", "footnotes", "flags", "source_row",
        ],
        land,
    )  # fmt: skip
    water = []
    for row in bagger:
        substance = NORM_ROW[row["stof"]]
        kinds[substance] = "norm"
        zout_flags = row["zout_vlaggen"] or ""
        water.append(
            [
                substance,
                _number(row["achtergrondwaarde"]),
                _number(row["max_klasse_A_en_verspreiden_zoet"]),
                _number(row["max_klasse_B_interventiewaarde_waterbodem"]),
                _number(row["max_bodemfunctieklasse_industrie_en_grootschalig"]),
                _number(row["max_verspreiden_zout"]) or _salt_by_area(row)[0],
                _salt_by_area(row)[1],
                "true" if "niet-prioritaire" in zout_flags else "false",
                _number(row["max_emissiewaarde_mg_kg_LS10"]),
                _number(row["emissietoetswaarde"]),
                "true" if row["aw_vlaggen"] else "false",
                row["stof_voetnoten"],
                "; ".join(
                    flag
                    for flag in (row["klasseA_vlaggen"], row["klasseB_vlaggen"], zout_flags)
                    if flag
                ),
                row["raw_row_rbk"],
            ]
        )
    water += _component_maximum_rows(water, unique_sums, "waterbodem", range(1, 5))
    _write(
        "norms_waterbodem.csv",
        [
            "substance", "achtergrondwaarde", "klasse_a", "klasse_b", "industrie",
            "verspreiden_zout", "verspreiden_zout_max", "zout_niet_prioritair",
            "max_emissie_ls10", "emissietoetswaarde",
            "aw_at_determination_limit",
            "footnotes", "flags", "source_row",
        ],
        water,
    )  # fmt: skip

    # --- standardisation --------------------------------------------------------------
    std_rows = []
    for row in _rows(data_dir / "standaardisatie.csv"):
        name = row["stof_of_stofgroep"]
        if name.startswith("ALGEMEEN"):
            continue
        std_key = {
            "organische verbindingen (excl. PAK)": "organisch",
            "PAK (individueel en som 10)": "pak",
            "overige verbindingen": "overige",
        }.get(name, name)
        std_rows.append(
            [
                std_key, _number(row["A"]), _number(row["B"]), _number(row["C"]),
                _number(row["os_min_pct"]), _number(row["os_max_pct"]),
                _number(row["lutum_min_pct"]), row["opmerkingen"],
            ]
        )  # fmt: skip
    std_rows.append(["geen", "1", "0", "0", "", "", "", "soil properties: not standardised"])
    _write(
        "standardisation.csv",
        ["key", "a", "b", "c", "om_min", "om_max", "lutum_min", "note"],
        std_rows,
    )

    # --- reporting limits -------------------------------------------------------------
    rg_rows: list[list[str]] = []
    for row in _rows(data_dir / "rapportagegrenzen.csv"):
        rg_targets = RG_ROW.get(row["stof"])
        value = _number(row["rapportagegrens_bodem"])
        if not rg_targets or not value:
            continue
        unit = row["eenheid_bodem"]
        mg = float(value) * RG_UNIT_TO_MG[unit]
        rg_rows.extend([rg, f"{mg:.6g}", value, unit, row["stof"]] for rg in rg_targets)
    _write(
        "reporting_limits.csv",
        ["substance", "mg_kg_ds", "table_value", "table_unit", "table_row"],
        rg_rows,
    )

    # --- substances and aliases -------------------------------------------------------
    substance_rows = []
    alias_rows: list[list[str]] = []
    # "cyanide (vrij)" and "cyanide (complex)" share the bare name "cyanide": no bare alias then.
    bare_count: dict[str, int] = {}
    for cells in catalogue:
        bare_name = re.sub(r"\s*\([^)]*\)\s*$", "", cells[1])
        bare_count[bare_name] = bare_count.get(bare_name, 0) + 1
    for sid, name, group, std, cas, aquo, sikb, extra in catalogue:
        kind = "norm" if sid in kinds else "component"
        if sid in sum_ids and sid not in kinds:
            kind = "component"
        if group == "bodemeigenschap":
            kind = "soil_property"
        elif group == "info":
            kind = "info"
        is_sum = "true" if sid in sum_ids else "false"
        unit_basis = "%" if kind == "soil_property" else (
            "mg Sn/kg ds" if sid in {"organotin_som", "tbt", "trifenyltin"} else "mg/kg ds"
        )  # fmt: skip
        substance_rows.append(
            [sid, name, group, kind, is_sum, std, cas, aquo.rstrip("*"), sikb, unit_basis]
        )
        alias_rows.append([name, sid, "name", RBK_SOURCE if kind != "soil_property" else CURATED])
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)
        if bare != name and bare_count[bare] == 1:
            alias_rows.append([bare, sid, "name", RBK_SOURCE])
            inner = re.search(r"\(([^)]*)\)\s*$", name)
            if inner and group == "metaal":
                alias_rows.append([inner.group(1), sid, "symbol", "chemical symbol"])
        if cas:
            alias_rows.append([cas, sid, "cas", RBK_SOURCE + " / " + SIKB_SOURCE])
        alias_rows.extend(
            [misprint, sid, "cas", "misprint in the regulation, see convert_rbk2015.py"]
            for misprint in MISPRINTED_CAS.get(sid, [])
        )
        if aquo:
            source = AQUO_LIST_SOURCE if aquo.endswith("*") else SIKB_SOURCE
            alias_rows.append([aquo.rstrip("*"), sid, "aquo", source])
        if sikb:
            alias_rows.append([f"urn:immetingen:parameter:id:{sikb}", sid, "sikb", SIKB_SOURCE])
        for alias in filter(None, extra.split(";")):
            kind_of_alias = "cas" if re.fullmatch(r"\d{2,7}-\d{2}-\d", alias) else "variant"
            source = SIKB_SOURCE if kind_of_alias == "cas" else CURATED
            if alias.startswith("sOCB"):
                kind_of_alias, source = "aquo", AQUO_LIST_SOURCE
            alias_rows.append([alias, sid, kind_of_alias, source])
    alias_rows.extend(
        [alias, "minerale_olie_fractie", "variant", FRACTION_SOURCE]
        for alias in _fraction_aliases()
    )
    for sid in kinds:
        if sid not in ids:
            raise SystemExit(f"norm row without catalogue entry: {sid}")
    _write(
        "substances.csv",
        [
            "id",
            "name",
            "group",
            "kind",
            "is_sum",
            "standardisation",
            "cas",
            "aquo_code",
            "sikb_id",
            "unit_basis",
        ],
        substance_rows,
    )
    _write("aliases.csv", ["alias", "substance", "kind", "source"], alias_rows)
    sys.stdout.write(
        f"wrote {len(substance_rows)} substances, {len(alias_rows)} aliases, "
        f"{len(unique_sums)} sum components\n"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/domain/data"))
