// Administrative divisions of Leshan (GB/T 2260, SPEC §8). Populations are the 2020
// census figures rounded to the thousand; the generator spreads subjects by them.
export interface DivisionSeed {
  code: string;
  name: string;
  fullName: string;
  parentCode: string | null;
  population: number;
}

export const CITY_DIVISION_CODE = '511100';

export const DIVISIONS: readonly DivisionSeed[] = [
  { code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null, population: 3_160_000 },
  { code: '511102', name: '市中区', fullName: '乐山市市中区', parentCode: '511100', population: 714_000 },
  { code: '511111', name: '沙湾区', fullName: '乐山市沙湾区', parentCode: '511100', population: 166_000 },
  { code: '511112', name: '五通桥区', fullName: '乐山市五通桥区', parentCode: '511100', population: 266_000 },
  { code: '511113', name: '金口河区', fullName: '乐山市金口河区', parentCode: '511100', population: 44_000 },
  { code: '511123', name: '犍为县', fullName: '乐山市犍为县', parentCode: '511100', population: 418_000 },
  { code: '511124', name: '井研县', fullName: '乐山市井研县', parentCode: '511100', population: 285_000 },
  { code: '511126', name: '夹江县', fullName: '乐山市夹江县', parentCode: '511100', population: 306_000 },
  { code: '511129', name: '沐川县', fullName: '乐山市沐川县', parentCode: '511100', population: 186_000 },
  {
    code: '511132',
    name: '峨边彝族自治县',
    fullName: '乐山市峨边彝族自治县',
    parentCode: '511100',
    population: 129_000,
  },
  {
    code: '511133',
    name: '马边彝族自治县',
    fullName: '乐山市马边彝族自治县',
    parentCode: '511100',
    population: 189_000,
  },
  { code: '511181', name: '峨眉山市', fullName: '四川省峨眉山市', parentCode: '511100', population: 419_000 },
];

/** The 11 county-level divisions (without the city itself). */
export const COUNTY_DIVISIONS = DIVISIONS.filter((d) => d.parentCode === CITY_DIVISION_CODE);
