// The page's entry point. For now it only installs the test hook; the Phaser game will boot
// from here once it lands (Phaser itself stays under scenes/).
import { hook } from './app/hook';

window.marketingAndSales = hook;
