/**
 * A tile grid of China's provincial-level divisions: one square each, in its approximate place
 * (row 0 is the north, column 0 the west). Not a map: publishing geographic map data of China needs
 * an approval number (审图号), and tile servers are unreliable there (GUIDE §8), so the coverage view
 * of a campaign (campaign-hub.ts) draws these squares with CSS, never a map. Ids are GB/T 2260 codes,
 * as in content/vocab/regions.yaml. Pure; safe in the browser.
 */
export interface Tile {
  id: string;
  /** The short name on the square: 北京, 内蒙古. */
  short: string;
  row: number;
  col: number;
}

export const TILE_ROWS = 8;
export const TILE_COLS = 8;

export const PROVINCE_TILES: readonly Tile[] = [
  { id: '230000', short: '黑龙江', row: 0, col: 7 },
  { id: '650000', short: '新疆', row: 1, col: 0 },
  { id: '150000', short: '内蒙古', row: 1, col: 3 },
  { id: '110000', short: '北京', row: 1, col: 5 },
  { id: '220000', short: '吉林', row: 1, col: 7 },
  { id: '630000', short: '青海', row: 2, col: 1 },
  { id: '620000', short: '甘肃', row: 2, col: 2 },
  { id: '640000', short: '宁夏', row: 2, col: 3 },
  { id: '140000', short: '山西', row: 2, col: 4 },
  { id: '130000', short: '河北', row: 2, col: 5 },
  { id: '120000', short: '天津', row: 2, col: 6 },
  { id: '210000', short: '辽宁', row: 2, col: 7 },
  { id: '540000', short: '西藏', row: 3, col: 1 },
  { id: '510000', short: '四川', row: 3, col: 2 },
  { id: '610000', short: '陕西', row: 3, col: 3 },
  { id: '410000', short: '河南', row: 3, col: 4 },
  { id: '370000', short: '山东', row: 3, col: 5 },
  { id: '500000', short: '重庆', row: 4, col: 2 },
  { id: '420000', short: '湖北', row: 4, col: 3 },
  { id: '340000', short: '安徽', row: 4, col: 4 },
  { id: '320000', short: '江苏', row: 4, col: 5 },
  { id: '310000', short: '上海', row: 4, col: 6 },
  { id: '520000', short: '贵州', row: 5, col: 2 },
  { id: '430000', short: '湖南', row: 5, col: 3 },
  { id: '360000', short: '江西', row: 5, col: 4 },
  { id: '330000', short: '浙江', row: 5, col: 5 },
  { id: '530000', short: '云南', row: 6, col: 1 },
  { id: '450000', short: '广西', row: 6, col: 2 },
  { id: '440000', short: '广东', row: 6, col: 3 },
  { id: '350000', short: '福建', row: 6, col: 4 },
  { id: '710000', short: '台湾', row: 6, col: 5 },
  { id: '460000', short: '海南', row: 7, col: 2 },
  { id: '820000', short: '澳门', row: 7, col: 3 },
  { id: '810000', short: '香港', row: 7, col: 4 },
];
